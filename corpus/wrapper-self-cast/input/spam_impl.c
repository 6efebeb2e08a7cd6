#include "spam.h"

PyObject *
Spam_count(SpamObject *self)
{
    return PyLong_FromLong(self->count);
}

PyObject *
Spam_add(SpamObject *self, PyObject *args)
{
    self->count++;
    Py_RETURN_NONE;
}
