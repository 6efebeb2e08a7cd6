/* fpcast wasm harness: mock of CPython's pythread.h (single-threaded stubs). */
#ifndef FPCAST_MOCK_PYTHREAD_H
#define FPCAST_MOCK_PYTHREAD_H

#include "Python.h"

typedef void *PyThread_type_lock;
typedef enum PyLockStatus { PY_LOCK_FAILURE = 0, PY_LOCK_ACQUIRED = 1, PY_LOCK_INTR } PyLockStatus;
#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
#define PY_TIMEOUT_T long long

PyAPI_FUNC(PyThread_type_lock) PyThread_allocate_lock(void);
PyAPI_FUNC(void) PyThread_free_lock(PyThread_type_lock);
PyAPI_FUNC(int) PyThread_acquire_lock(PyThread_type_lock, int);
PyAPI_FUNC(PyLockStatus) PyThread_acquire_lock_timed(PyThread_type_lock, PY_TIMEOUT_T, int);
PyAPI_FUNC(void) PyThread_release_lock(PyThread_type_lock);
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);

#endif
