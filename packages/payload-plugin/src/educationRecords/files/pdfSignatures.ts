// The digital signatures in a PDF (schools sign with USB-token certificates), read for display and
// for telling whether the file was changed after signing.
//
// Checked, for each signature dictionary (found by its /ByteRange; signature dictionaries are never
// compressed, their offsets are byte offsets in the file):
// - the signed ranges: they start at byte 0 and reach the end of the file with only the
//   signature's own /Contents <hex> hole between them (coversWholeFile; trailing whitespace is let
//   pass, anything else after the range is an appended update);
// - the digest: the hash of the signed bytes equals the CMS messageDigest signed attribute (or, for
//   adbe.pkcs7.sha1, the encapsulated digest; for a document timestamp, the token's imprint);
// - the CMS signature over the signed attributes, with the public key of the certificate the
//   signer info names (RSA PKCS#1 v1.5, RSA-PSS, ECDSA).
// NOT checked: the certificate chain, any CA or trust list, revocation (CRL/OCSP), the
// certificate's validity at signing time, key usage, timestamp tokens, DocMDP/FieldMDP
// permissions, or what an incremental update after the signature changed. A valid signature here
// says "these bytes were signed by the holder of this certificate's key", nothing about who that is.
import { createHash, createPublicKey, createVerify, constants, type KeyObject } from 'node:crypto'

import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

import { type Dict, type PdfValue, Reader, isDelimiter, isWhitespace, nameValue, pdfDate, skipWhitespace, textString } from './pdfSyntax.ts'

export type PdfSignature = {
  signerName: string | null
  signerOrganisation: string | null
  issuerName: string | null
  certificateSerial: string | null
  certificateValidFrom: string | null
  certificateValidTo: string | null
  /** ISO; from the signingTime signed attribute, else a document timestamp's time, else /M. */
  signingTime: string | null
  reason: string | null
  location: string | null
  byteRange: [number, number, number, number]
  /** The signed ranges reach the end of the file with only the /Contents hole between them. */
  coversWholeFile: boolean
  /** The hash of the signed bytes equals the messageDigest signed attribute. */
  digestMatches: boolean
  /** The CMS signature over the signed attributes verifies with the signer certificate's key. */
  signatureValid: boolean
  /** !digestMatches || !coversWholeFile: bytes changed, or content appended after signing. */
  modifiedAfterSigning: boolean
  subFilter: string | null
}

const BYTE_RANGE = Buffer.from('/ByteRange', 'latin1')
const OBJ = Buffer.from('obj', 'latin1')
const DICT_OPEN = Buffer.from('<<', 'latin1')
// How far before /ByteRange its object's `N G obj` may be.
const OBJECT_HEADER_WINDOW = 64 * 1024
// A school document has a handful of signatures; a file stuffed with /ByteRange must not cost a
// parse per occurrence.
const MAX_SIGNATURES = 32

const OID = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  subjectKeyIdentifier: '2.5.29.14',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

// Signature algorithms that name their hash; rsaEncryption and ecPublicKey take the signer's.
const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
}

export async function readPdfSignatures(data: Uint8Array): Promise<PdfSignature[]> {
  const pdf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  // Readers accept up to 1 KB of junk before the header.
  const header = pdf.indexOf('%PDF-', 0, 'latin1')
  if (header < 0 || header > 1024) return []
  const signatures: PdfSignature[] = []
  const seen = new Set<string>()
  let occurrences = 0
  for (let at = pdf.indexOf(BYTE_RANGE); at >= 0 && occurrences++ < MAX_SIGNATURES; at = pdf.indexOf(BYTE_RANGE, at + BYTE_RANGE.length)) {
    const next = pdf[at + BYTE_RANGE.length]
    if (next !== undefined && !isWhitespace(next) && !isDelimiter(next)) continue // e.g. /ByteRanges
    const dict = signatureDictionary(pdf, at)
    const key = dict ? JSON.stringify(dict.get('ByteRange') ?? at) : String(at)
    // An incremental update may write the same signature dictionary again.
    if (seen.has(key)) continue
    seen.add(key)
    signatures.push(readSignature(pdf, dict))
  }
  return signatures
}

function readSignature(pdf: Buffer, dict: Dict | null): PdfSignature {
  const signature: PdfSignature = {
    signerName: null,
    signerOrganisation: null,
    issuerName: null,
    certificateSerial: null,
    certificateValidFrom: null,
    certificateValidTo: null,
    signingTime: null,
    reason: null,
    location: null,
    byteRange: [0, 0, 0, 0],
    coversWholeFile: false,
    digestMatches: false,
    signatureValid: false,
    modifiedAfterSigning: true,
    subFilter: null,
  }
  if (!dict) return signature
  signature.reason = textString(dict.get('Reason'))
  signature.location = textString(dict.get('Location'))
  signature.subFilter = nameValue(dict.get('SubFilter'))
  const modified = pdfDate(textString(dict.get('M')))
  const range = byteRange(dict.get('ByteRange'), pdf.length)
  if (range) {
    signature.byteRange = range
    try {
      const cms = readCms(pdf, range)
      if (cms) Object.assign(signature, cms)
    } catch {
      // A CMS blob that does not parse leaves the certificate fields null and the checks false.
    }
    signature.coversWholeFile = coversWholeFile(pdf, range)
  }
  signature.signingTime ??= modified
  signature.modifiedAfterSigning = !signature.digestMatches || !signature.coversWholeFile
  return signature
}

type CmsFacts = Pick<
  PdfSignature,
  'signerName' | 'signerOrganisation' | 'issuerName' | 'certificateSerial' | 'certificateValidFrom' | 'certificateValidTo' | 'signingTime' | 'digestMatches' | 'signatureValid'
>

function readCms(pdf: Buffer, [a, b, c, d]: [number, number, number, number]): CmsFacts | null {
  const der = contentsHole(pdf, a + b, c)
  if (!der) return null
  // The hole is padded with zeros after the DER; asn1js stops at the end of the first element.
  const parsed = asn1js.fromBER(der)
  if (parsed.offset === -1) return null
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result })
  if (contentInfo.contentType !== OID.signedData) return null
  const signedData = new pkijs.SignedData({ schema: contentInfo.content })
  const signerInfo = signedData.signerInfos[0]
  if (!signerInfo) return null
  const certificates = (signedData.certificates ?? []).filter((cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate)
  const certificate = signerCertificate(signerInfo, certificates)

  const facts: CmsFacts = {
    signerName: certificate ? nameAttribute(certificate.subject, OID.commonName) : null,
    signerOrganisation: certificate ? nameAttribute(certificate.subject, OID.organisation) : null,
    issuerName: certificate ? (nameAttribute(certificate.issuer, OID.commonName) ?? nameAttribute(certificate.issuer, OID.organisation)) : null,
    certificateSerial: certificate ? serialHex(certificate.serialNumber) : null,
    certificateValidFrom: certificate ? isoDate(certificate.notBefore.value) : null,
    certificateValidTo: certificate ? isoDate(certificate.notAfter.value) : null,
    signingTime: null,
    digestMatches: false,
    signatureValid: false,
  }

  const hash = HASHES[signerInfo.digestAlgorithm.algorithmId]
  if (!hash) return facts
  const signedRanges = [pdf.subarray(a, a + b), pdf.subarray(c, c + d)]
  // What the CMS signs: the byte ranges (detached), or an encapsulated content that stands for them.
  const eContent = signedData.encapContentInfo.eContent
  const content = eContent ? [Buffer.from(eContent.getValue())] : signedRanges
  let contentMatches = true
  if (eContent) {
    if (signedData.encapContentInfo.eContentType === OID.tstInfo) {
      // A document timestamp (ETSI.RFC3161): the token's imprint is the hash of the ranges.
      const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue())
      const imprintHash = HASHES[tstInfo.messageImprint.hashAlgorithm.algorithmId]
      contentMatches = !!imprintHash && digest(imprintHash, signedRanges).equals(Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView))
      facts.signingTime = isoDate(tstInfo.genTime)
    } else {
      // adbe.pkcs7.sha1: the encapsulated content is the SHA-1 of the ranges.
      const inner = content[0] as Buffer
      contentMatches = digest(inner.length === 20 ? 'sha1' : hash, signedRanges).equals(inner)
    }
  }

  const signedAttrs = signerInfo.signedAttrs
  const key = certificate ? publicKey(certificate) : null
  if (signedAttrs) {
    const messageDigest = attributeValue(signedAttrs, OID.messageDigest)
    const expected = messageDigest instanceof asn1js.OctetString ? Buffer.from(messageDigest.getValue()) : null
    facts.digestMatches = contentMatches && !!expected && digest(hash, content).equals(expected)
    const time = attributeValue(signedAttrs, OID.signingTime)
    if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) facts.signingTime = isoDate(time.toDate())
    // pkijs keeps the attributes' original bytes, retagged as the SET that was signed.
    facts.signatureValid = !!key && verifies(signerInfo, hash, key, [Buffer.from(signedAttrs.encodedValue)])
  } else {
    // Without signed attributes the signature is over the content itself.
    facts.signatureValid = !!key && verifies(signerInfo, hash, key, content)
    facts.digestMatches = contentMatches && facts.signatureValid
  }
  return facts
}

function signerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid: unknown = signerInfo.sid
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const sameSerial = certificates.filter((cert) => cert.serialNumber.isEqual(sid.serialNumber))
    // node-forge's pkcs7 (behind @signpdf/signer-p12 and tools built on it) writes a non-ASCII
    // issuer name UTF-8-encoded twice, so the issuer is compared only when the serial is ambiguous.
    return (sameSerial.length === 1 ? sameSerial[0] : sameSerial.find((cert) => cert.issuer.isEqual(sid.issuer))) ?? null
  }
  // subjectKeyIdentifier, [0] IMPLICIT OCTET STRING.
  const keyId = (sid as { valueBlock?: { valueHexView?: Uint8Array } } | null)?.valueBlock?.valueHexView
  if (!keyId) return null
  return (
    certificates.find((cert) => {
      const extension = cert.extensions?.find((ext) => ext.extnID === OID.subjectKeyIdentifier)
      const value: unknown = extension?.parsedValue
      return value instanceof asn1js.OctetString && Buffer.from(value.getValue()).equals(Buffer.from(keyId))
    }) ?? null
  )
}

function verifies(signerInfo: pkijs.SignerInfo, signerHash: string, key: KeyObject, data: Buffer[]): boolean {
  const algorithm = signerInfo.signatureAlgorithm
  let hash = SIGNATURE_HASHES[algorithm.algorithmId] ?? null
  let options: { padding?: number; saltLength?: number } = {}
  if (algorithm.algorithmId === OID.rsaEncryption || algorithm.algorithmId === OID.ecPublicKey) hash = signerHash
  if (algorithm.algorithmId === OID.rsaPss) {
    const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams })
    hash = HASHES[params.hashAlgorithm.algorithmId] ?? null
    options = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }
  }
  if (!hash) return false
  try {
    const verifier = createVerify(hash)
    for (const part of data) verifier.update(part)
    return verifier.verify({ key, ...options }, Buffer.from(signerInfo.signature.valueBlock.valueHexView))
  } catch {
    return false
  }
}

function publicKey(certificate: pkijs.Certificate): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' })
  } catch {
    return null
  }
}

function digest(hash: string, parts: Buffer[]): Buffer {
  const hasher = createHash(hash)
  for (const part of parts) hasher.update(part)
  return hasher.digest()
}

function attributeValue(attributes: pkijs.SignedAndUnsignedAttributes, type: string): unknown {
  return attributes.attributes.find((attribute) => attribute.type === type)?.values[0]
}

function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const value: unknown = name.typesAndValues.find((entry) => entry.type === type)?.value
  const text = value instanceof asn1js.BaseStringBlock ? value.getValue() : null
  return text ? text.normalize('NFC').trim() || null : null
}

function serialHex(serial: asn1js.Integer): string {
  const bytes = Buffer.from(serial.valueBlock.valueHexView)
  let start = 0
  // The leading zero byte only keeps a DER integer positive.
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  return bytes.subarray(start).toString('hex').toUpperCase()
}

function isoDate(date: Date | undefined): string | null {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null
}

function byteRange(value: PdfValue | undefined, fileLength: number): [number, number, number, number] | null {
  if (!Array.isArray(value) || value.length !== 4) return null
  if (!value.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return null
  const [a, b, c, d] = value as [number, number, number, number]
  if (a + b > c || c + d > fileLength) return null
  return [a, b, c, d]
}

// The DER bytes of the /Contents <hex> string that fills the gap between the ranges, or null when
// the gap is not one hex string.
function contentsHole(pdf: Buffer, start: number, end: number): Buffer | null {
  if (end - start < 2 || pdf[start] !== 0x3c || pdf[end - 1] !== 0x3e) return null
  const hex = pdf.toString('latin1', start + 1, end - 1).replace(/[\0\t\n\f\r ]/g, '')
  if (!/^[0-9a-fA-F]*$/.test(hex)) return null
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')
}

function coversWholeFile(pdf: Buffer, [a, b, c, d]: [number, number, number, number]): boolean {
  if (a !== 0 || b === 0 || !contentsHole(pdf, b, c)) return false
  for (let i = c + d; i < pdf.length; i++) if (!isWhitespace(pdf[i] as number)) return false
  return true
}

// The signature dictionary around a /ByteRange.
function signatureDictionary(pdf: Buffer, byteRangeAt: number): Dict | null {
  // The dictionary is the one that starts the indirect object `N G obj << … >>` before /ByteRange.
  const floor = Math.max(0, byteRangeAt - OBJECT_HEADER_WINDOW)
  for (let at = pdf.lastIndexOf(OBJ, byteRangeAt); at >= floor; at = at > 0 ? pdf.lastIndexOf(OBJ, at - 1) : -1) {
    const before = pdf[at - 1]
    if (before === undefined || !isWhitespace(before)) continue // `endobj`, or a word in a string
    const dict = dictionaryAt(pdf, skipWhitespace(pdf, at + OBJ.length), byteRangeAt)
    if (dict) return dict
    break
  }
  // Else the nearest `<<` before it (an object header farther away than the window, or odd syntax).
  const open = pdf.lastIndexOf(DICT_OPEN, byteRangeAt)
  return open >= floor ? dictionaryAt(pdf, open, byteRangeAt) : null
}

function dictionaryAt(pdf: Buffer, start: number, byteRangeAt: number): Dict | null {
  if (pdf[start] !== 0x3c || pdf[start + 1] !== 0x3c) return null
  try {
    const reader = new Reader(pdf, start)
    const value = reader.value()
    return value instanceof Map && reader.at > byteRangeAt && value.has('ByteRange') ? value : null
  } catch {
    return null
  }
}

