/* fpcast wasm harness: frames are opaque in the mock; nothing beyond Python.h. */
#ifndef FPCAST_MOCK_FRAMEOBJECT_H
#define FPCAST_MOCK_FRAMEOBJECT_H
#include "Python.h"
#endif
