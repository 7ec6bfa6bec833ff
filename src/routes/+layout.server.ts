import { navigationFor } from '$lib/server/auth/access';
import type { LayoutServerLoad } from './$types';

// Public: only shapes what the header shows. Every page checks access in its own load.
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		user: user ? { fullName: user.fullName, username: user.username } : null,
		navigation: user && !user.mustChangePassword ? navigationFor(user) : []
	};
};
