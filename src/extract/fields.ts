// Positional and designated initializer elements → field names, by a struct
// layout. Shared by initializers parsed from the tree and those rebuilt from
// macro expansions.

import type { StructLayout } from '../abi/cpython.js';

export interface InitElement<V> {
  /** `.field = …` */
  designator?: string;
  /** The callee when the element is a call, e.g. `PyVarObject_HEAD_INIT`. */
  callee?: string;
  value: V;
}

export function assignFields<V>(elements: InitElement<V>[], layout: StructLayout): Record<string, V> {
  const fields: Record<string, V> = {};
  let index = 0;
  let skip = 0;
  for (const element of elements) {
    if (element.designator !== undefined) {
      fields[element.designator] = element.value;
      const at = layout.fields.findIndex((field) => field.name === element.designator);
      if (at >= 0) index = at + 1;
      continue;
    }
    if (skip > 0) {
      skip--;
      continue;
    }
    // `PyVarObject_HEAD_INIT(NULL, 0)` fills ob_base; `PyObject_HEAD_INIT(NULL)` leaves ob_size to the next element.
    if (index === 0 && element.callee && layout.headMacros && Object.hasOwn(layout.headMacros, element.callee)) {
      skip = layout.headMacros[element.callee];
      fields[layout.fields[0].name] = element.value;
      index = 1;
      continue;
    }
    const field = layout.fields[index];
    if (field) fields[field.name] = element.value;
    index++;
  }
  return fields;
}
