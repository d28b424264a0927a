import { describe, expect, it } from 'vitest';
import { choosePostgresFinders, fts5Query, queryTerms, snippetParts, tsQuery } from './search.js';

const MARK = { start: '\u0002', end: '\u0003' };
const marked = (text: string) => text.replaceAll('[', MARK.start).replaceAll(']', MARK.end);

describe('queryTerms', () => {
  it('keeps only the words: letters and digits, whatever the script', () => {
    expect(queryTerms('Ada Lovelace')).toEqual(['Ada', 'Lovelace']);
    expect(queryTerms('  "coffee" AND (tea OR NEAR/2) -milk* ')).toEqual(['coffee', 'AND', 'tea', 'OR', 'NEAR', '2', 'milk']);
    expect(queryTerms('Élodie Müller 東京 2026')).toEqual(['Élodie', 'Müller', '東京', '2026']);
    expect(queryTerms('e-mail: ada@example.com')).toEqual(['e', 'mail', 'ada', 'example', 'com']);
  });

  it('folds compatibility forms, so full-width letters find the plain ones', () => {
    expect(queryTerms('ＡＤＡ ﬁre')).toEqual(['ADA', 'fire']);
  });

  it('finds no words in punctuation alone', () => {
    expect(queryTerms('"*()-: ')).toEqual([]);
    expect(queryTerms('')).toEqual([]);
  });

  it('keeps at most 12 words', () => {
    const words = Array.from({ length: 15 }, (_, i) => `w${i}`);
    expect(queryTerms(words.join(' '))).toEqual(words.slice(0, 12));
  });
});

describe('fts5Query', () => {
  it('requires every word, quoted, and lets the last one match as a prefix', () => {
    expect(fts5Query(['ada', 'love'])).toBe('"ada" "love"*');
    expect(fts5Query(['NEAR'])).toBe('"NEAR"*');
  });
});

describe('tsQuery', () => {
  it('means the same as the FTS5 query, in lower case', () => {
    expect(tsQuery(['Ada', 'Love'])).toBe('ada & love:*');
    expect(tsQuery(['coffee'])).toBe('coffee:*');
  });
});

describe('snippetParts', () => {
  it('splits a marked snippet into plain and highlighted parts', () => {
    expect(snippetParts(marked('talked about [compilers] and [ships]…'))).toEqual([
      { text: 'talked about ', highlight: false },
      { text: 'compilers', highlight: true },
      { text: ' and ', highlight: false },
      { text: 'ships', highlight: true },
      { text: '…', highlight: false },
    ]);
  });

  it('joins highlighted words that touch into one mark', () => {
    expect(snippetParts(marked('[grace][hopper] wrote'))).toEqual([
      { text: 'gracehopper', highlight: true },
      { text: ' wrote', highlight: false },
    ]);
  });

  it('reads a snippet without marks as plain text, and an empty one as nothing', () => {
    expect(snippetParts('no match shown')).toEqual([{ text: 'no match shown', highlight: false }]);
    expect(snippetParts('')).toEqual([]);
    expect(snippetParts(marked('[]'))).toEqual([]);
  });

  it('highlights to the end when a mark is not closed', () => {
    expect(snippetParts(marked('about [ships'))).toEqual([
      { text: 'about ', highlight: false },
      { text: 'ships', highlight: true },
    ]);
  });
});

describe('choosePostgresFinders', () => {
  const million = { documents: 1_000_000, newest: 1_000_000 };

  it('reads the newest documents one by one for a word in at least 3% of them, bounded to four times what 1,000 matches need', () => {
    expect(choosePostgresFinders({ ...million, matches: 50_000 })).toEqual([{ kind: 'scan', after: 920_000, upTo: 1_000_000 }, { kind: 'all' }]);
    expect(choosePostgresFinders({ ...million, matches: 30_000 })).toEqual([{ kind: 'scan', after: 866_666, upTo: 1_000_000 }, { kind: 'all' }]);
  });

  it('ANDs the GIN index with a window of the newest documents that should hold 1,500 matches for a rarer word', () => {
    expect(choosePostgresFinders({ ...million, matches: 29_999 })).toEqual([{ kind: 'window', after: 949_998, upTo: 1_000_000 }, { kind: 'all' }]);
    expect(choosePostgresFinders({ ...million, matches: 10_000 })).toEqual([{ kind: 'window', after: 850_000, upTo: 1_000_000 }, { kind: 'all' }]);
  });

  it('reads every match of a word with fewer than 3,000, or when the window would hold every document', () => {
    expect(choosePostgresFinders({ ...million, matches: 2_999 })).toEqual([{ kind: 'all' }]);
    expect(choosePostgresFinders({ ...million, matches: 3_000 })).toEqual([{ kind: 'window', after: 500_000, upTo: 1_000_000 }, { kind: 'all' }]);
    expect(choosePostgresFinders({ documents: 1_000_000, newest: 400_000, matches: 3_000 })).toEqual([{ kind: 'all' }]);
  });

  it('reads every match without statistics (reltuples is -1 until the first ANALYZE) or without documents of the account', () => {
    expect(choosePostgresFinders({ documents: -1, newest: 1_000_000, matches: 50_000 })).toEqual([{ kind: 'all' }]);
    expect(choosePostgresFinders({ documents: 1_000_000, newest: null, matches: 50_000 })).toEqual([{ kind: 'all' }]);
  });
});
