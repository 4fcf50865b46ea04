/**
 * The text of an uploaded statement file. Banks still export in Windows-1252 (German and French
 * CSVs, OFX 1.02 files that declare CHARSET:1252) as often as in UTF-8, and a file says which only
 * sometimes, so: a UTF-16 byte order mark decides; otherwise bytes that are valid UTF-8 are UTF-8
 * (a Windows-1252 file with umlauts or accents almost never is), and anything else is
 * Windows-1252, which maps every byte to a character, so decoding never fails.
 */
export function decodeStatement(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text, where the CSV reader expects and drops it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
