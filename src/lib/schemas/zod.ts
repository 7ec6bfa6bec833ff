// zod with Vietnamese default messages: any check without a message of its own still speaks Vietnamese.
import { z } from 'zod';
import { vi } from 'zod/v4/locales';

z.config(vi());

export { z };
