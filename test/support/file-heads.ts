/**
 * The first bytes of files as the attachment tests send them: enough for the type to be judged
 * from the content (a PNG's header chunk, a JPEG's start and end markers), and what an ".exe
 * renamed .jpg" carries; plain bytes, as a File and a fetch body take them and a download gives
 * them back. For a whole picture, see photo.ts.
 */

/** A PNG: the signature and the header chunk ("IHDR") of a 1×1 image. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

/** A JPEG (JFIF) from its start marker to its end marker. */
export const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9,
]);

/** A Windows program's first bytes ("MZ"): what an ".exe renamed .jpg" carries. */
export const EXE = new Uint8Array([0x4d, 0x5a, ...new Array<number>(200).fill(0x90)]);
