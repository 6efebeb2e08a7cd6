// Reads function names from a wasm module's `name` custom section
// (subsection 1: function index -> name). wasm-ld writes it unless the
// module is stripped; V8 uses the same names in stack traces.

function readU32(bytes: Uint8Array, pos: { at: number }): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos.at++];
    if (byte === undefined) throw new Error('truncated LEB128 in name section');
    result |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return result >>> 0;
    shift += 7;
  }
}

export function functionNames(module: WebAssembly.Module): Map<number, string> {
  const names = new Map<number, string>();
  const decoder = new TextDecoder();
  for (const section of WebAssembly.Module.customSections(module, 'name')) {
    const bytes = new Uint8Array(section);
    const pos = { at: 0 };
    while (pos.at < bytes.length) {
      const id = bytes[pos.at++];
      const size = readU32(bytes, pos);
      const end = pos.at + size;
      if (id === 1) {
        const count = readU32(bytes, pos);
        for (let i = 0; i < count; i++) {
          const index = readU32(bytes, pos);
          const length = readU32(bytes, pos);
          names.set(index, decoder.decode(bytes.subarray(pos.at, pos.at + length)));
          pos.at += length;
        }
      }
      pos.at = end;
    }
  }
  return names;
}
