#include <malloc.h>
#include <mimalloc.h>
