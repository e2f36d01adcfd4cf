import { z } from 'zod';

/** Path parameters shared by the staff and citizen dossier routes. */
export const IdParams = z.strictObject({ id: z.uuid() });
/** A file of a dossier, named by its SHA-256. */
export const FileParams = z.strictObject({ id: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
