-- Template versions are never changed once stored: old sheets must keep rendering and scoring as they were.
CREATE TRIGGER `template_version_no_update` BEFORE UPDATE ON `template_version`
BEGIN
	SELECT RAISE(ABORT, 'template versions are immutable: add a new version instead');
END;
--> statement-breakpoint
CREATE TRIGGER `template_version_no_delete` BEFORE DELETE ON `template_version`
BEGIN
	SELECT RAISE(ABORT, 'template versions are immutable');
END;
--> statement-breakpoint
-- The audit log is append-only.
CREATE TRIGGER `audit_event_no_update` BEFORE UPDATE ON `audit_event`
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_event_no_delete` BEFORE DELETE ON `audit_event`
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
