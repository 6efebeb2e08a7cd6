/*[clinic input]
preserve
[clinic start generated code]*/

PyDoc_STRVAR(spam_clear__doc__,
"clear($self, /)\n"
"--\n"
"\n"
"Drop everything.");

#define SPAM_CLEAR_METHODDEF    \
    {"clear", (PyCFunction)spam_clear, METH_NOARGS, spam_clear__doc__},

PyDoc_STRVAR(spam_size__doc__,
"size($self, /)\n"
"--\n"
"\n"
"Return the size.");

#define SPAM_SIZE_METHODDEF    \
    {"size", (PyCFunction)spam_size, METH_NOARGS, spam_size__doc__},

PyDoc_STRVAR(spam_find__doc__,
"find($self, /, *args, **kwargs)\n"
"--\n"
"\n"
"Find things.");

#define SPAM_FIND_METHODDEF    \
    {"find", _PyCFunction_CAST(spam_find), METH_VARARGS|METH_KEYWORDS, spam_find__doc__},
/*[clinic end generated code: output=0123456789abcdef input=0123456789abcdef]*/
