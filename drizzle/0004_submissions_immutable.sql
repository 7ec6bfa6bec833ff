-- What a sheet contained at each hand-in is never changed: the chi ủy compares hand-ins by it.
CREATE TRIGGER `sheet_submission_no_update` BEFORE UPDATE ON `sheet_submission`
BEGIN
	SELECT RAISE(ABORT, 'a hand-in is kept as it was: add a new one instead');
END;
