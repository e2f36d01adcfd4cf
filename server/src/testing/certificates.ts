/**
 * Certificates as a licensed signing-service provider would issue them, for tests: the provider's root,
 * and per signer a key with a certificate it signed, packed as a PKCS#12 the way providers hand them out.
 */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

export interface SignerOptions {
  serial: string;
  notAfter?: string;
  /** keyUsage bits; signing (digitalSignature + nonRepudiation) unless given. */
  usage?: Record<string, boolean>;
}

/** A provider with its own root; `p12` issues a signer's PKCS#12 (3DES, as providers' tools write). */
export function testProvider() {
  const root = keyPair();
  const name = [{ name: 'commonName', value: 'Provider Test Root' }, { name: 'organizationName', value: 'Licensed Provider (test)' }, { name: 'countryName', value: 'VN' }];
  const rootCert = forge.pki.createCertificate();
  rootCert.publicKey = root.publicKey;
  rootCert.serialNumber = '01';
  rootCert.validity.notBefore = new Date('2025-01-01T00:00:00Z');
  rootCert.validity.notAfter = new Date('2035-01-01T00:00:00Z');
  rootCert.setSubject(name);
  rootCert.setIssuer(name);
  rootCert.setExtensions([{ name: 'basicConstraints', cA: true }]);
  rootCert.sign(root.privateKey, forge.md.sha256.create());
  return {
    p12({ serial, notAfter = '2028-01-01T00:00:00Z', usage = { digitalSignature: true, nonRepudiation: true } }: SignerOptions, password: string): Buffer {
      const keys = keyPair();
      const cert = forge.pki.createCertificate();
      cert.publicKey = keys.publicKey;
      cert.serialNumber = serial;
      cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
      cert.validity.notAfter = new Date(notAfter);
      cert.setSubject([{ name: 'commonName', value: 'Le Minh Lanh Dao' }, { name: 'organizationName', value: 'UBND phuong Thuan Giao' }, { name: 'countryName', value: 'VN' }]);
      cert.setIssuer(name);
      cert.setExtensions([{ name: 'keyUsage', critical: true, ...usage }]);
      cert.sign(root.privateKey, forge.md.sha256.create());
      const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, rootCert], password, { algorithm: '3des' });
      return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    },
  };
}
