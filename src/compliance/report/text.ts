/** Thai text segmentation by ICU (Node's Intl.Segmenter): words for line breaks, grapheme clusters for cuts. */

type Segmenter = { segment(input: string): Iterable<{ segment: string }> };
const SegmenterCtor = (
  Intl as unknown as {
    Segmenter?: new (locale: string, options: { granularity: 'word' | 'grapheme' }) => Segmenter;
  }
).Segmenter;
const wordSegmenter = SegmenterCtor ? new SegmenterCtor('th', { granularity: 'word' }) : null;
const graphemeSegmenter = SegmenterCtor
  ? new SegmenterCtor('th', { granularity: 'grapheme' })
  : null;

const split = (s: Segmenter | null, text: string): string[] =>
  s ? [...s.segment(text)].map((x) => x.segment) : Array.from(text);

/** Words and the spaces between them (Thai words found by ICU's dictionary). */
export const wordsOf = (text: string): string[] => split(wordSegmenter, text);

/** User-perceived characters: a Thai consonant with its vowel and tone marks stays whole. */
export const graphemesOf = (text: string): string[] => split(graphemeSegmenter, text);

/** At most `max` grapheme clusters, with … when cut. */
export const truncate = (text: string, max: number): string => {
  const g = graphemesOf(text);
  return g.length <= max ? text : `${g.slice(0, max - 1).join('')}…`;
};
