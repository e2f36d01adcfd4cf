import { api } from './client.ts';

/** A file the server keeps under its SHA-256 (type sniffed from the content: PDF, JPEG, PNG; 20 MB at most). */
export interface StoredFile {
  sha256: string;
  mediaType: string;
  size: number;
}

/** A stored file and the name it had on the officer's computer. */
export interface UploadedFile extends StoredFile {
  fileName: string;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const uploadFile = (file: Blob) => api.postBlob<StoredFile>('/api/files', file, file.type || 'application/octet-stream');
