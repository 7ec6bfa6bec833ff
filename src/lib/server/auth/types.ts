import type { GrantedRole } from '../db/schema';
import type { TargetGroup } from '../../domain/template';

/** A role held over a unit; `unitPath` lets scope checks run without another query. */
export interface Grant {
	role: GrantedRole;
	unitId: number;
	unitPath: string;
}

/** What every request knows about the signed-in user. */
export interface AuthUser {
	id: number;
	username: string;
	fullName: string;
	mustChangePassword: boolean;
	/** The chapter the user belongs to now as a party member, if any. */
	chapterId: number | null;
	targetGroup: TargetGroup | null;
	grants: Grant[];
}
