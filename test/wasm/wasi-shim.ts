// The smallest WASI preview1 the mock runtime needs: stdout/stderr are
// captured, there are no files, no arguments, no environment, a fixed clock.
// node:wasi would do, but it prints an ExperimentalWarning on Node 20 and
// cannot turn proc_exit into an exception we can attribute.

const ENOSYS = 52;
const EBADF = 8;
const ESPIPE = 70;

/** Thrown by proc_exit (exit(), abort() paths that exit) so the caller can report it. */
export class ProcExit extends Error {
  constructor(readonly code: number) {
    super(`exit(${code}) called`);
  }
}

/** Thrown when wasm calls a function the extension declares but nothing defines. */
export class MissingFunction extends Error {
  constructor(readonly functionName: string) {
    super(`call to ${functionName}(), which neither the mock C-API nor libc defines`);
  }
}

const OUTPUT_CAP = 64 * 1024;

export class WasiShim {
  memory: WebAssembly.Memory | null = null;
  stdout = '';
  stderr = '';
  private readonly decoder = new TextDecoder();

  private view(): DataView {
    if (!this.memory) throw new Error('WASI shim used before memory was attached');
    return new DataView(this.memory.buffer);
  }

  private bytes(): Uint8Array {
    if (!this.memory) throw new Error('WASI shim used before memory was attached');
    return new Uint8Array(this.memory.buffer);
  }

  private readonly calls: Record<string, (...args: never[]) => number | void> = {
    args_sizes_get: (argc: number, size: number) => this.writeZeros(argc, size),
    args_get: () => 0,
    environ_sizes_get: (count: number, size: number) => this.writeZeros(count, size),
    environ_get: () => 0,
    clock_res_get: (_id: number, out: number) => {
      this.view().setBigUint64(out, 1000n, true);
      return 0;
    },
    clock_time_get: (_id: number, _precision: bigint, out: number) => {
      this.view().setBigUint64(out, 1_700_000_000_000_000_000n, true);
      return 0;
    },
    fd_write: (fd: number, iovs: number, count: number, written: number) => {
      const view = this.view();
      const bytes = this.bytes();
      let total = 0;
      let text = '';
      for (let i = 0; i < count; i++) {
        const ptr = view.getUint32(iovs + i * 8, true);
        const len = view.getUint32(iovs + i * 8 + 4, true);
        text += this.decoder.decode(bytes.subarray(ptr, ptr + len));
        total += len;
      }
      if (fd === 1) this.stdout = (this.stdout + text).slice(-OUTPUT_CAP);
      else if (fd === 2) this.stderr = (this.stderr + text).slice(-OUTPUT_CAP);
      else return EBADF;
      view.setUint32(written, total, true);
      return 0;
    },
    fd_read: (_fd: number, _iovs: number, _count: number, read: number) => {
      this.view().setUint32(read, 0, true);
      return 0;
    },
    fd_fdstat_get: (fd: number, out: number) => {
      if (fd > 2) return EBADF;
      const view = this.view();
      for (let i = 0; i < 24; i++) view.setUint8(out + i, 0);
      view.setUint8(out, 2); // character device
      return 0;
    },
    fd_seek: () => ESPIPE,
    fd_close: () => 0,
    fd_prestat_get: () => EBADF, // no preopened directories
    fd_prestat_dir_name: () => EBADF,
    random_get: (buf: number, len: number) => {
      const bytes = this.bytes();
      for (let i = 0; i < len; i++) bytes[buf + i] = (i * 131 + 7) & 0xff;
      return 0;
    },
    sched_yield: () => 0,
    proc_exit: (code: number) => {
      throw new ProcExit(code);
    },
  };

  private writeZeros(a: number, b: number): number {
    const view = this.view();
    view.setUint32(a, 0, true);
    view.setUint32(b, 0, true);
    return 0;
  }

  /** Import object for a module: WASI calls, and a throwing stub for every other function import. */
  imports(module: WebAssembly.Module): WebAssembly.Imports {
    const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.kind !== 'function') {
        throw new Error(`unsupported ${imp.kind} import ${imp.module}.${imp.name}`);
      }
      const table = (imports[imp.module] ??= {});
      if (imp.module === 'wasi_snapshot_preview1') {
        table[imp.name] = (this.calls[imp.name] as WebAssembly.ImportValue | undefined) ?? (() => ENOSYS);
      } else {
        const name = imp.name;
        table[name] = () => {
          throw new MissingFunction(name);
        };
      }
    }
    return imports;
  }
}
