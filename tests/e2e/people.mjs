// Test data a person would type: valid 居民身份证号码 (GB 11643-1999) and 统一社会信用代码
// (GB 32100-2015), computed here so every test can make as many as it needs.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character ID number: 6-digit region, birth date YYYYMMDD, 3-digit sequence. */
export function idNumber(region, birth, seq) {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * ID_WEIGHTS[i], 0);
  return body + ID_CHECK[sum % 11];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** An 18-character USCC from its first 17 characters. */
export function creditCode(first17) {
  const sum = [...first17].reduce((s, c, i) => s + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i], 0);
  const check = (31 - (sum % 31)) % 31;
  return first17 + USCC_CHARS[check];
}
