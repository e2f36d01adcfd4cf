import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The kinds of file a dossier accepts, recognised by their first bytes, never by name or header. */
export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

export function sniffMediaType(bytes: Uint8Array): AcceptedMediaType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/**
 * Content-addressed file storage on disk: a file is stored under its SHA-256, written to a temporary
 * name, flushed to disk and renamed, so a file is either whole or absent, even after a crash.
 */
export class FileStore {
  constructor(private readonly root: string) {
    fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  }

  pathOf(sha256: string) {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string) {
    return /^[0-9a-f]{64}$/.test(sha256) && fs.existsSync(this.pathOf(sha256));
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = path.join(this.root, 'tmp', `${sha256}.${process.pid}.${Date.now()}`);
      const handle = await fs.promises.open(tmp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, target);
    }
    return { sha256, size: bytes.byteLength };
  }

  read(sha256: string) {
    return fs.createReadStream(this.pathOf(sha256));
  }
}
