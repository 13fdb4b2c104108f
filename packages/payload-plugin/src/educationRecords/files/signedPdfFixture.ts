// Test-only: small real PDFs, plain or signed with a self-signed certificate made on the fly, for
// the signature reader's tests and benchmark (and the CMS's tests, through a relative import).
// Uses devDependencies (node-forge, @signpdf/*): never import this from production code.
import { generateKeyPairSync, randomBytes } from 'node:crypto'

import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'
import forge from 'node-forge'

import { makePlainPdf, type PlainPdfOptions } from './plainPdf.ts'

export type { PlainPdfOptions }
export { makePlainPdf }

export type SignedPdfOptions = PlainPdfOptions & {
  signerName: string
  organisation?: string
  reason?: string
  location?: string
}

/** makePlainPdf's file signed once (adbe.pkcs7.detached, SHA-256, signingTime = now). */
export async function makeSignedPdf(opts: SignedPdfOptions): Promise<Buffer> {
  return addSignature(makePlainPdf(opts), opts)
}

/** One more signature, as an incremental update (a second signer, a countersignature). */
export async function addSignature(pdf: Buffer, opts: Omit<SignedPdfOptions, keyof PlainPdfOptions>): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: opts.reason ?? 'Approved',
    contactInfo: '',
    name: opts.signerName,
    location: opts.location ?? 'Hoi An',
  })
  const signer = new P12Signer(selfSignedP12(opts.signerName, opts.organisation), { passphrase: P12_PASSPHRASE })
  return new SignPdf().sign(withPlaceholder, signer)
}

const P12_PASSPHRASE = 'fixture'
const p12Cache = new Map<string, Buffer>()

// node:crypto makes the RSA key (forge's pure-JS generation takes seconds), forge the certificate
// and the PKCS#12 that @signpdf/signer-p12 reads. One per signer per process.
function selfSignedP12(signerName: string, organisation?: string): Buffer {
  const cacheKey = `${signerName}\n${organisation ?? ''}`
  const cached = p12Cache.get(cacheKey)
  if (cached) return cached
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString())
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`
  const now = Date.now()
  cert.validity.notBefore = new Date(now - 24 * 3600 * 1000)
  cert.validity.notAfter = new Date(now + 365 * 24 * 3600 * 1000)
  // UTF8String, so the Vietnamese name survives (forge's default is PrintableString).
  const subject = [
    { shortName: 'CN', value: signerName, valueTagClass: forge.asn1.Type.UTF8 },
    ...(organisation ? [{ shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 }] : []),
    { shortName: 'C', value: 'VN' },
  ] as forge.pki.CertificateField[]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }])
  cert.sign(key, forge.md.sha256.create())
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], P12_PASSPHRASE, { algorithm: '3des' })
  const buffer = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')
  p12Cache.set(cacheKey, buffer)
  return buffer
}
