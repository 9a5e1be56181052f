import { decryptPush, encryptPush, pushSignature, signatureMatches } from './wechat-push';

const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

describe('WeChat message push', () => {
  it('signs the parts sorted and joined, with sha1', () => {
    expect(pushSignature(['token', '1409659813', '1372623149'])).toBe(
      pushSignature(['1372623149', '1409659813', 'token']),
    );
    // sha1('ab'), computed outside node
    expect(pushSignature(['b', 'a'])).toBe('da23614e02469a0d7c7bd1bdab5c9c474b1904dc');
  });

  it('matches only the exact signature', () => {
    const sig = pushSignature(['t', '1', '2']);
    expect(signatureMatches(sig, sig)).toBe(true);
    expect(signatureMatches(sig, sig.toUpperCase())).toBe(false);
    expect(signatureMatches(sig, sig.slice(1))).toBe(false);
    expect(signatureMatches(sig, undefined)).toBe(false);
  });

  it('decrypts a 安全模式 body addressed to this AppID', () => {
    const message = JSON.stringify({ Event: 'wxa_media_check', trace_id: 't-1', 说明: '中文' });
    const encrypted = encryptPush(AES_KEY, 'wx123', message);
    expect(decryptPush(AES_KEY, 'wx123', encrypted)).toBe(message);
    expect(decryptPush(AES_KEY, null, encrypted)).toBe(message);
  });

  it('refuses another AppID, another key, and garbage', () => {
    const encrypted = encryptPush(AES_KEY, 'wx123', '{}');
    expect(decryptPush(AES_KEY, 'wx999', encrypted)).toBeNull();
    expect(decryptPush('B'.repeat(43), 'wx123', encrypted)).toBeNull();
    expect(decryptPush(AES_KEY, 'wx123', 'bm90IGVuY3J5cHRlZA==')).toBeNull();
  });
});
