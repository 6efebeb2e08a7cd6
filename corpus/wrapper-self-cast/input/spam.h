#ifndef SPAM_H
#define SPAM_H
#include <Python.h>

typedef struct {
    PyObject_HEAD
    int count;
} SpamObject;

PyObject *Spam_count(SpamObject *self);
PyObject *Spam_add(SpamObject *self, PyObject *args);

#endif
