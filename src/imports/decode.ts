import iconv from 'iconv-lite';

/** The character encoding a CSV file was read in. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes the bytes of a CSV file as people save them. A byte order mark decides the encoding
 * (Excel's "Unicode text" is UTF-16 with one). Without a mark, bytes that are valid UTF-8 are read
 * as UTF-8, and anything else as Windows-1252, the encoding of Excel's "CSV" on Dutch and other
 * Western European Windows versions. The mark is not part of the returned text.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Decoding as Windows-1252 cannot fail: iconv-lite turns the five bytes that the code page
    // leaves undefined into U+FFFD.
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}
