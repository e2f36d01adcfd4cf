import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

/**
 * The key store: DATA_DIR/keys, readable by the server only. It holds this deployment's certificate
 * authority (generated on first use: a local test CA for the demo and the tests; an administrator
 * replaces a signer's key with a licensed provider's PKCS#12 through `install`) and
 * one PKCS#12 file per signer with its password beside it. Keys never leave the server and the
 * password is never logged or sent.
 */
export interface SignerKey {
  p12: Buffer;
  password: string;
  certificatePem: string;
  subject: string;
  serial: string;
  notAfter: Date;
}

/** Why an uploaded PKCS#12 was refused. */
export class BadSignerKey extends Error {
  constructor(readonly reason: 'unreadable' | 'no_key' | 'key_mismatch' | 'not_valid_now' | 'not_for_signing') {
    super(reason);
  }
}

export interface InstalledKey {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  certificatePem: string;
}

/**
 * Names in certificates are kept ASCII: node-forge writes a parsed UTF-8 name back encoded twice, so a
 * signature's issuer would no longer match its certificate. The visible stamp carries the Vietnamese.
 */
export const asciiName = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '').trim();

const writeSecret = (file: string, data: string | Buffer) => {
  fs.writeFileSync(file, data, { mode: 0o600 });
};

function newKeyPair() {
  // Node's native RSA generation: node-forge's pure JavaScript one takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

const serialNumber = () => {
  const bytes = randomBytes(12);
  bytes[0] = bytes[0]! & 0x7f; // positive
  return bytes.toString('hex');
};

export class KeyStore {
  private readonly dir: string;
  private ca: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } | null = null;

  constructor(dataDir: string, private readonly caName: string) {
    this.dir = path.resolve(dataDir, 'keys');
  }

  private ensureDir() {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  /** The certificate authority, made on first use (a local test CA). */
  authority() {
    if (this.ca) return this.ca;
    this.ensureDir();
    const certFile = path.join(this.dir, 'ca.pem');
    const keyFile = path.join(this.dir, 'ca.key.pem');
    if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
      this.ca = { cert: forge.pki.certificateFromPem(fs.readFileSync(certFile, 'utf8')), key: forge.pki.privateKeyFromPem(fs.readFileSync(keyFile, 'utf8')) as forge.pki.rsa.PrivateKey };
      return this.ca;
    }
    const keys = newKeyPair();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = serialNumber();
    cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
    cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
    const attrs = [
      { name: 'commonName', value: `${asciiName(this.caName)} test CA` },
      { name: 'organizationName', value: 'MotCua test CA' },
      { name: 'countryName', value: 'VN' },
    ];
    cert.setSubject(attrs as forge.pki.CertificateField[]);
    cert.setIssuer(attrs as forge.pki.CertificateField[]);
    cert.setExtensions([
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ]);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    writeSecret(keyFile, forge.pki.privateKeyToPem(keys.privateKey));
    fs.writeFileSync(certFile, forge.pki.certificateToPem(cert));
    this.ca = { cert, key: keys.privateKey as forge.pki.rsa.PrivateKey };
    return this.ca;
  }

  authorityPem() {
    return forge.pki.certificateToPem(this.authority().cert);
  }

  private files(userId: string) {
    if (!/^[0-9a-f-]{36}$/.test(userId)) throw new Error('bad signer id');
    return { p12: path.join(this.dir, `${userId}.p12`), pass: path.join(this.dir, `${userId}.pass`), cert: path.join(this.dir, `${userId}.cert.pem`) };
  }

  /** The signer's key: the configured PKCS#12, or one issued by the local CA on first use. */
  signerKey(userId: string, fullName: string, unitName: string): SignerKey {
    this.ensureDir();
    const files = this.files(userId);
    if (!fs.existsSync(files.p12) || !fs.existsSync(files.pass)) this.issue(userId, fullName, unitName);
    const p12 = fs.readFileSync(files.p12);
    const password = fs.readFileSync(files.pass, 'utf8').trim();
    const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
    const bag = parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.[0];
    if (!bag?.cert) throw new Error('no certificate in the signer key');
    return {
      p12,
      password,
      certificatePem: forge.pki.certificateToPem(bag.cert),
      subject: subjectText(bag.cert),
      serial: bag.cert.serialNumber,
      notAfter: bag.cert.validity.notAfter,
    };
  }

  private issue(userId: string, fullName: string, unitName: string) {
    const ca = this.authority();
    const keys = newKeyPair();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = serialNumber();
    cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
    cert.validity.notAfter = new Date(Date.now() + 3 * 365 * 24 * 3600_000);
    cert.setSubject([
      { name: 'commonName', value: asciiName(fullName) },
      { name: 'organizationName', value: asciiName(unitName) },
      { name: 'countryName', value: 'VN' },
    ] as forge.pki.CertificateField[]);
    cert.setIssuer(ca.cert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      { name: 'extKeyUsage', emailProtection: true },
    ]);
    cert.sign(ca.key, forge.md.sha256.create());
    const password = randomBytes(18).toString('base64url');
    const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca.cert], password, { algorithm: '3des' });
    const files = this.files(userId);
    writeSecret(files.pass, password);
    writeSecret(files.p12, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  }

  /**
   * Installs a signer's PKCS#12 from a licensed provider in place of the local CA's: it must open with
   * the password, hold one private key and the certificate of that key, be valid at `now` and allow
   * signing. Staged beside `<user id>.p12`, the password's `<user id>.pass` (both 0600) and the
   * certificate's `<user id>.cert.pem` (so verification trusts it): `apply` moves them into place (one
   * rename each), `discard` removes them. The caller applies them as the last step of the transaction
   * that records the key, so a failed transaction leaves the files as they were.
   */
  install(userId: string, p12: Buffer, password: string, now: Date): { key: InstalledKey; apply(): void; discard(): void } {
    let parsed: forge.pkcs12.Pkcs12Pfx;
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
    } catch {
      throw new BadSignerKey('unreadable');
    }
    const keyBags = [
      ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
      ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
    ];
    const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key || keyBags.length !== 1) throw new BadSignerKey('no_key');
    const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map((b) => b.cert).filter((c): c is forge.pki.Certificate => Boolean(c));
    const cert = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return Boolean(pub.n) && pub.n.equals(key.n) && pub.e.equals(key.e);
    });
    if (!cert) throw new BadSignerKey('key_mismatch');
    if (cert.validity.notBefore > now || cert.validity.notAfter <= now) throw new BadSignerKey('not_valid_now');
    const usage = cert.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
    if (usage && !usage.digitalSignature && !usage.nonRepudiation) throw new BadSignerKey('not_for_signing');
    this.ensureDir();
    const files = this.files(userId);
    const certificatePem = forge.pki.certificateToPem(cert);
    const staged = ([
      [files.pass, password],
      [files.p12, p12],
      [files.cert, certificatePem],
    ] as const).map(([file, data]) => {
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeSecret(temporary, data);
      return { file, temporary };
    });
    return {
      key: { subject: subjectText(cert), issuer: issuerText(cert), serial: cert.serialNumber, notBefore: cert.validity.notBefore, notAfter: cert.validity.notAfter, certificatePem },
      apply: () => {
        for (const { file, temporary } of staged) fs.renameSync(temporary, file);
        this.installed = null;
      },
      discard: () => {
        for (const { temporary } of staged) fs.rmSync(temporary, { force: true });
      },
    };
  }

  /** Whether the signer's key was installed by an administrator (rather than issued by the local CA). */
  isInstalled(userId: string) {
    return fs.existsSync(this.files(userId).cert);
  }

  private installed: { set: Set<string>; mtimeMs: number } | null = null;
  /** Fingerprints of the certificates administrators installed (read again when the directory changes). */
  private installedCertificates() {
    const mtimeMs = fs.existsSync(this.dir) ? fs.statSync(this.dir).mtimeMs : 0;
    if (this.installed && this.installed.mtimeMs === mtimeMs) return this.installed.set;
    const set = new Set<string>();
    if (mtimeMs)
      for (const name of fs.readdirSync(this.dir))
        if (name.endsWith('.cert.pem')) set.add(fingerprint(forge.pki.certificateFromPem(fs.readFileSync(path.join(this.dir, name), 'utf8'))));
    this.installed = { set, mtimeMs };
    return set;
  }

  /** Whether `cert` was issued by this deployment's authority or installed here by an administrator. */
  trusts(cert: forge.pki.Certificate) {
    try {
      if (this.authority().cert.verify(cert)) return true;
    } catch {
      // not ours: maybe installed
    }
    return this.installedCertificates().has(fingerprint(cert));
  }
}

const fingerprint = (cert: forge.pki.Certificate) =>
  forge.md.sha256.create().update(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes()).digest().toHex();

export function issuerText(cert: forge.pki.Certificate) {
  return cert.issuer.attributes.map((a) => `${a.shortName ?? a.name}=${String(a.value ?? '')}`).join(', ');
}

export function subjectText(cert: forge.pki.Certificate) {
  return cert.subject.attributes
    .map((a) => {
      let value = String(a.value ?? '');
      try {
        value = forge.util.decodeUtf8(value);
      } catch {
        // already text
      }
      return `${a.shortName ?? a.name}=${value}`;
    })
    .join(', ');
}
