import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * WeChat's message push (消息推送), as its documentation describes it: every call carries
 * `signature` = sha1 of the token, timestamp and nonce sorted and joined; in 安全模式 the body is
 * `{ Encrypt }` and `msg_signature` also covers the encrypted text. Hand-written: node's crypto is
 * all it takes, and the SDKs that wrap it are for the 公众号 XML format, not this JSON one.
 */
export function pushSignature(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const aesKeyOf = (aesKey: string) => Buffer.from(`${aesKey}=`, 'base64');

/**
 * What WeChat sends in 安全模式 (the inverse of `decryptPush`): for trying the push address by
 * hand in development, and for the tests.
 */
export function encryptPush(aesKey: string, appId: string, message: string): string {
  const key = aesKeyOf(aesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

/**
 * The plain JSON of an encrypted push: AES-256-CBC under the EncodingAESKey (base64 of 43
 * characters plus `=`, its first 16 bytes the IV), PKCS#7 padded to 32 bytes; inside, 16 random
 * bytes, the message's length (4 bytes, big-endian), the message, and the AppID it was sent to.
 * Null when it does not decrypt or is addressed to another AppID.
 */
export function decryptPush(
  aesKey: string,
  appId: string | null,
  encrypted: string,
): string | null {
  try {
    const key = aesKeyOf(aesKey);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(encrypted, 'base64'), decipher.final()]);
    const pad = padded[padded.length - 1]!;
    if (pad < 1 || pad > 32) return null;
    const plain = padded.subarray(16, padded.length - pad);
    const length = plain.readUInt32BE(0);
    if (length > plain.length - 4) return null;
    const to = plain.subarray(4 + length).toString('utf8');
    if (appId !== null && to !== appId) return null;
    return plain.subarray(4, 4 + length).toString('utf8');
  } catch {
    return null;
  }
}
