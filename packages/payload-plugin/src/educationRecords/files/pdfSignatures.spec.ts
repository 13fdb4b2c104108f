import { createHash } from 'node:crypto'

import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf } from '@signpdf/signpdf'
import { Signer } from '@signpdf/utils'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { beforeAll, describe, expect, it } from 'vitest'

import { sha256Hex } from './contentCheck.ts'
import { readPdfSignatures } from './pdfSignatures.ts'
import { addSignature, makePlainPdf, makeSignedPdf } from './signedPdfFixture.ts'

const SIGNER = 'Nguyễn Thị Hường'
const ORGANISATION = 'Trường THCS Nguyễn Duy Hiệu'

let signed: Buffer

beforeAll(async () => {
  signed = await makeSignedPdf({ signerName: SIGNER, organisation: ORGANISATION, reason: 'Duyệt học bạ', location: 'Hội An', pages: 2 })
})

describe('readPdfSignatures', () => {
  it('finds none in an unsigned PDF, and none in what is not a PDF', async () => {
    expect(await readPdfSignatures(makePlainPdf({ pages: 3 }))).toEqual([])
    expect(await readPdfSignatures(Buffer.from('Biên bản /ByteRange [0 10 20 30] /Contents <00>'))).toEqual([])
    expect(await readPdfSignatures(new Uint8Array(0))).toEqual([])
  })

  it('reads a signature on an unchanged file: signer, times, checks', async () => {
    const [signature, ...others] = await readPdfSignatures(signed)
    expect(others).toEqual([])
    expect(signature).toMatchObject({
      signerName: SIGNER,
      signerOrganisation: ORGANISATION,
      issuerName: SIGNER, // self-signed
      reason: 'Duyệt học bạ',
      location: 'Hội An',
      subFilter: 'adbe.pkcs7.detached',
      coversWholeFile: true,
      digestMatches: true,
      signatureValid: true,
      modifiedAfterSigning: false,
    })
    expect(signature!.signerName).toBe(SIGNER.normalize('NFC'))
    expect(Math.abs(Date.parse(signature!.signingTime!) - Date.now())).toBeLessThan(60_000)
    expect(signature!.certificateSerial).toMatch(/^01[0-9A-F]{16}$/)
    expect(Date.parse(signature!.certificateValidFrom!)).toBeLessThan(Date.now())
    expect(Date.parse(signature!.certificateValidTo!)).toBeGreaterThan(Date.now())
    const [a, b, c, d] = signature!.byteRange
    expect([a, c + d]).toEqual([0, signed.length])
    expect(signed.toString('latin1', b, b + 1)).toBe('<')
  })

  it('sees a byte changed inside the signed range', async () => {
    const changed = Buffer.from(signed)
    const text = changed.indexOf('(Trang 1)')
    expect(text).toBeGreaterThan(0)
    changed[text + 7] = '9'.charCodeAt(0)
    const [signature] = await readPdfSignatures(changed)
    expect(signature).toMatchObject({ signerName: SIGNER, digestMatches: false, signatureValid: true, coversWholeFile: true, modifiedAfterSigning: true })
  })

  it('sees content appended after the signed range', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%%EOF\n')])
    const [signature] = await readPdfSignatures(appended)
    expect(signature).toMatchObject({ digestMatches: true, signatureValid: true, coversWholeFile: false, modifiedAfterSigning: true })
    // Trailing whitespace alone changes nothing a reader shows.
    const [withNewline] = await readPdfSignatures(Buffer.concat([signed, Buffer.from('\r\n')]))
    expect(withNewline).toMatchObject({ coversWholeFile: true, modifiedAfterSigning: false })
  })

  it('sees a changed signature value (the bytes themselves unchanged)', async () => {
    const forged = Buffer.from(signed)
    const [original] = await readPdfSignatures(signed)
    const [, b] = original!.byteRange
    // The signature value ends the DER; the hole is zero-padded after it.
    const hexStart = b + 1
    const derLength = asn1js.fromBER(Buffer.from(forged.toString('latin1', hexStart, hexStart + 8192), 'hex')).offset
    const lastHexDigit = hexStart + 2 * derLength - 1
    forged[lastHexDigit] = forged[lastHexDigit] === 0x30 ? 0x31 : 0x30
    const [signature] = await readPdfSignatures(forged)
    expect(signature).toMatchObject({ signerName: SIGNER, digestMatches: true, signatureValid: false, coversWholeFile: true })
  })

  it('reads every signature of a file signed twice; the first no longer covers the whole file', async () => {
    const twice = await addSignature(signed, { signerName: 'Trần Văn Bình' })
    const signatures = await readPdfSignatures(twice)
    expect(signatures.map((s) => [s.signerName, s.digestMatches, s.signatureValid, s.coversWholeFile])).toEqual([
      [SIGNER, true, true, false],
      ['Trần Văn Bình', true, true, true],
    ])
  })

  it('reports a malformed signature dictionary instead of throwing', async () => {
    const placeholder = makePlainPdf().toString('latin1').replace(
      'endobj\nxref',
      'endobj\n9 0 obj\n<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 /x 5 5] /Contents <3082> /Reason (Thi\\341) /M (D:20250105103000+07\'00\') >>\nendobj\nxref',
    )
    const broken = Buffer.from(placeholder, 'latin1')
    const garbage = Buffer.concat([signed.subarray(0, signed.indexOf('/ByteRange')), Buffer.from('/ByteRange [0 10 10 10] /Contents <zz> >>\n%%EOF')])
    const [first] = await readPdfSignatures(broken)
    expect(first).toMatchObject({
      signerName: null,
      issuerName: null,
      certificateSerial: null,
      reason: 'Thiá',
      signingTime: '2025-01-05T03:30:00.000Z',
      byteRange: [0, 0, 0, 0],
      coversWholeFile: false,
      digestMatches: false,
      signatureValid: false,
      modifiedAfterSigning: true,
      subFilter: 'adbe.pkcs7.detached',
    })
    const [second] = await readPdfSignatures(garbage)
    expect(second).toMatchObject({ signerName: null, byteRange: [0, 10, 10, 10], digestMatches: false, signatureValid: false, modifiedAfterSigning: true })
  })

  it('reads a 10 MB signed PDF quickly (timed, logged)', async () => {
    const big = await makeSignedPdf({ signerName: SIGNER, padToBytes: 10 * 1024 * 1024 })
    let started = performance.now()
    const hash = sha256Hex(big)
    const hashMs = performance.now() - started
    started = performance.now()
    const [signature] = await readPdfSignatures(big)
    const readMs = performance.now() - started
    console.info(`10 MB signed PDF (${big.length} bytes): sha256Hex ${hashMs.toFixed(1)} ms, readPdfSignatures ${readMs.toFixed(1)} ms`)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(signature).toMatchObject({ signerName: SIGNER, digestMatches: true, signatureValid: true, modifiedAfterSigning: false })
  }, 60_000)
})

// Signatures in the other shapes a reader meets, made with pkijs: a document timestamp (ECDSA), an
// adbe.pkcs7.sha1 signature (RSA-PSS), a detached signature without signed attributes.
describe('readPdfSignatures on other CMS shapes', () => {
  const SHA256 = '2.16.840.1.101.3.4.2.1'
  const genTime = new Date('2025-03-01T02:00:00Z')

  class PkijsSigner extends Signer {
    readonly shape: 'timestamp' | 'sha1' | 'plain'
    readonly key: GenerateKeyParams
    constructor(shape: PkijsSigner['shape'], key: GenerateKeyParams) {
      super()
      this.shape = shape
      this.key = key
    }
    override async sign(signedBytes: Buffer): Promise<Buffer> {
      const { certificate, privateKey } = await identity(this.key)
      let eContentType = pkijs.ContentInfo.DATA
      let eContent: Buffer | null = null
      if (this.shape === 'timestamp') {
        eContentType = '1.2.840.113549.1.9.16.1.4'
        const tstInfo = new pkijs.TSTInfo({
          version: 1,
          policy: '1.2.3.4.1',
          messageImprint: new pkijs.MessageImprint({
            hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
            hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update(signedBytes).digest() }),
          }),
          serialNumber: new asn1js.Integer({ value: 1 }),
          genTime,
        })
        eContent = Buffer.from(tstInfo.toSchema().toBER())
      } else if (this.shape === 'sha1') {
        eContent = createHash('sha1').update(signedBytes).digest()
      }
      const signedAttrs =
        this.shape === 'plain'
          ? undefined
          : new pkijs.SignedAndUnsignedAttributes({
              type: 0,
              attributes: [
                new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: eContentType })] }),
                new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: createHash('sha256').update(eContent!).digest() })] }),
              ],
            })
      const signedData = new pkijs.SignedData({
        version: eContentType === pkijs.ContentInfo.DATA ? 1 : 3,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType, ...(eContent ? { eContent: new asn1js.OctetString({ valueHex: eContent }) } : {}) }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
            ...(signedAttrs ? { signedAttrs } : {}),
          }),
        ],
        certificates: [certificate],
      })
      await signedData.sign(privateKey, 0, 'SHA-256', eContent ? undefined : new Uint8Array(signedBytes))
      const cms = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) })
      return Buffer.from(cms.toSchema().toBER())
    }
  }

  type GenerateKeyParams = EcKeyGenParams | RsaHashedKeyGenParams

  async function identity(params: GenerateKeyParams): Promise<{ certificate: pkijs.Certificate; privateKey: CryptoKey }> {
    const keys = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair
    const certificate = new pkijs.Certificate()
    certificate.version = 2
    certificate.serialNumber = new asn1js.Integer({ value: 4242 })
    const name = () => [new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: 'Lê Thị Ánh' }) })]
    certificate.issuer.typesAndValues = name()
    certificate.subject.typesAndValues = name()
    certificate.notBefore.value = new Date(Date.now() - 86_400_000)
    certificate.notAfter.value = new Date(Date.now() + 86_400_000)
    await certificate.subjectPublicKeyInfo.importKey(keys.publicKey)
    await certificate.sign(keys.privateKey, 'SHA-256')
    return { certificate, privateKey: keys.privateKey }
  }

  async function signWith(shape: PkijsSigner['shape'], key: GenerateKeyParams, subFilter: string): Promise<Buffer> {
    const pdf = plainAddPlaceholder({ pdfBuffer: makePlainPdf(), reason: 'x', contactInfo: '', name: 'x', location: 'x', subFilter })
    return new SignPdf().sign(pdf, new PkijsSigner(shape, key))
  }

  const rsa = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }

  it('a document timestamp: the imprint is checked, the time is the token’s', async () => {
    const pdf = await signWith('timestamp', { name: 'ECDSA', namedCurve: 'P-256' }, 'ETSI.RFC3161')
    const [signature] = await readPdfSignatures(pdf)
    expect(signature).toMatchObject({ signerName: 'Lê Thị Ánh', certificateSerial: '1092', subFilter: 'ETSI.RFC3161', digestMatches: true, signatureValid: true, modifiedAfterSigning: false })
    expect(signature!.signingTime).toBe(genTime.toISOString())
    const changed = Buffer.from(pdf)
    changed[changed.indexOf('(Trang 1)') + 1] = 'X'.charCodeAt(0)
    expect((await readPdfSignatures(changed))[0]).toMatchObject({ digestMatches: false, signatureValid: true, modifiedAfterSigning: true })
  })

  it('adbe.pkcs7.sha1 with RSA-PSS: the encapsulated SHA-1 is checked', async () => {
    const pdf = await signWith('sha1', { ...rsa, name: 'RSA-PSS' }, 'adbe.pkcs7.sha1')
    expect((await readPdfSignatures(pdf))[0]).toMatchObject({ signerName: 'Lê Thị Ánh', digestMatches: true, signatureValid: true, modifiedAfterSigning: false })
    const changed = Buffer.from(pdf)
    changed[changed.indexOf('(Trang 1)') + 1] = 'X'.charCodeAt(0)
    expect((await readPdfSignatures(changed))[0]).toMatchObject({ digestMatches: false, modifiedAfterSigning: true })
  })

  it('no signed attributes: the signature is over the bytes themselves', async () => {
    const pdf = await signWith('plain', rsa, 'adbe.pkcs7.detached')
    expect((await readPdfSignatures(pdf))[0]).toMatchObject({ signerName: 'Lê Thị Ánh', signingTime: expect.any(String), digestMatches: true, signatureValid: true })
    const changed = Buffer.from(pdf)
    changed[changed.indexOf('(Trang 1)') + 1] = 'X'.charCodeAt(0)
    expect((await readPdfSignatures(changed))[0]).toMatchObject({ digestMatches: false, signatureValid: false, modifiedAfterSigning: true })
  })
})
