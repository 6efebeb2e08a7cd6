/* bytes: CRLF, BOM, Latin-1 été in a comment, tabs, no final newline */
#include <Python.h>

/* UTF-8 before the edit: naÃ¯ve cafÃ© â€” offsets must not drift */
static PyObject *
bytes_status(PyObject *self, PyObject *Py_UNUSED(ignored))
{
	return PyLong_FromLong(0);	/* tab-indented */
}

static PyObject *
bytes_lines(
	PyObject *self,
	PyObject *Py_UNUSED(ignored)
)
{
	Py_RETURN_NONE;
}

static PyMethodDef bytes_methods[] = {
	{"status", (PyCFunction)bytes_status, METH_NOARGS, "été"},
	{"lines", (PyCFunction)bytes_lines, METH_NOARGS, NULL},
	{NULL, NULL, 0, NULL}
};

static struct PyModuleDef bytes_module = {
	PyModuleDef_HEAD_INIT, "bytes", NULL, -1, bytes_methods,
};

PyMODINIT_FUNC
PyInit_bytes(void)
{
	return PyModule_Create(&bytes_module);
}