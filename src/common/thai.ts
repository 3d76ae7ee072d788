/** Thai-text helpers: digits and a readable ASCII transliteration for slugs. */

/** ๐–๙, in order. */
export const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** "๒๕๖๙" → "2569"; other characters are kept. */
export const toArabicDigits = (input: string): string =>
  input.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));

/**
 * Consonants in their initial-sound romanisation (close to the Royal Institute's RTGS).
 * Character by character — Thai has no spaces and implicit vowels, so this is not a full
 * transcription, but it is stable, pronounceable and readable for a URL.
 */
const CONSONANTS: Record<string, string> = {
  ก: 'k',
  ข: 'kh',
  ฃ: 'kh',
  ค: 'kh',
  ฅ: 'kh',
  ฆ: 'kh',
  ง: 'ng',
  จ: 'ch',
  ฉ: 'ch',
  ช: 'ch',
  ซ: 's',
  ฌ: 'ch',
  ญ: 'y',
  ฎ: 'd',
  ฏ: 't',
  ฐ: 'th',
  ฑ: 'th',
  ฒ: 'th',
  ณ: 'n',
  ด: 'd',
  ต: 't',
  ถ: 'th',
  ท: 'th',
  ธ: 'th',
  น: 'n',
  บ: 'b',
  ป: 'p',
  ผ: 'ph',
  ฝ: 'f',
  พ: 'ph',
  ฟ: 'f',
  ภ: 'ph',
  ม: 'm',
  ย: 'y',
  ร: 'r',
  ฤ: 'rue',
  ล: 'l',
  ฦ: 'lue',
  ว: 'w',
  ศ: 's',
  ษ: 's',
  ส: 's',
  ห: 'h',
  ฬ: 'l',
  อ: 'o',
  ฮ: 'h',
};

const VOWELS: Record<string, string> = {
  ะ: 'a',
  'ั': 'a',
  า: 'a',
  ำ: 'am',
  'ิ': 'i',
  'ี': 'i',
  'ึ': 'ue',
  'ื': 'ue',
  'ุ': 'u',
  'ู': 'u',
  เ: 'e',
  แ: 'ae',
  โ: 'o',
  ใ: 'ai',
  ไ: 'ai',
  ๅ: '',
  ฯ: '',
  ๆ: '',
  '็': '',
  '่': '',
  '้': '',
  '๊': '',
  '๋': '',
  'ํ': '',
  'ฺ': '',
  '์': '',
};

const LEADING_VOWELS = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);

/** Transliterates Thai letters to ASCII; non-Thai characters pass through unchanged. */
export const transliterateThai = (input: string): string => {
  const chars = Array.from(toArabicDigits(input.normalize('NFC')));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i];
    const next = chars[i + 1];
    // ์ (thanthakhat) silences the consonant before it: ศาสตร์ → "sat" not "satr".
    if (next === '์' && CONSONANTS[c] !== undefined) {
      i += 1;
      continue;
    }
    if (LEADING_VOWELS.has(c) && next !== undefined && CONSONANTS[next] !== undefined) {
      // A leading vowel is written before the consonant it follows in speech.
      out.push(CONSONANTS[next], VOWELS[c]);
      i += 1;
      continue;
    }
    if (CONSONANTS[c] !== undefined) out.push(CONSONANTS[c]);
    else if (VOWELS[c] !== undefined) out.push(VOWELS[c]);
    else out.push(c);
  }
  return out.join('');
};

export const containsThai = (input: string): boolean => /[\u0E00-\u0E7F]/.test(input);
