/*[clinic input]
preserve
[clinic start generated code]*/

#define DATES_DATE_FROMTIMESTAMP_METHODDEF    \
    {"fromtimestamp", (PyCFunction)dates_date_fromtimestamp, METH_O|METH_CLASS, NULL},

#define DATES_DATE_TODAY_METHODDEF    \
    {"today", (PyCFunction)dates_date_today, METH_NOARGS|METH_CLASS, NULL},
/*[clinic end generated code: output=0123456789abcdef input=0123456789abcdef]*/
