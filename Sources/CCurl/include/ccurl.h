#ifndef NIANBAO_CCURL_H
#define NIANBAO_CCURL_H
#include <stddef.h>

/// One HTTP GET through libcurl, without following redirects. curl_easy_setopt is variadic and
/// cannot be called from Swift, so the few options nianbao needs are set here.
typedef struct {
    long status;          /* HTTP status, 0 if no response */
    int code;             /* CURLcode, 0 on success */
    int truncated;        /* 1 if the body passed max_bytes and the transfer was stopped there */
    char *body;           /* response body (malloc'd, NUL-terminated), may be NULL */
    size_t length;        /* body length, at most max_bytes */
    char *redirect_url;   /* for a 3xx answer, the absolute Location target (malloc'd), or NULL */
    char primary_ip[64];  /* the address connected to */
    char error[256];      /* curl's error text */
} nb_response;

enum { NB_RESOLVE_ANY = 0, NB_RESOLVE_V4 = 1, NB_RESOLVE_V6 = 2 };

/// `resolve` is a curl RESOLVE list ("host:port:addr,addr") joined by '\n', or NULL.
/// `timeout_ms` bounds the whole transfer (connect included) and must be positive. A body
/// longer than `max_bytes` stops the transfer: `truncated` is set, the code is 0 and the first
/// `max_bytes` bytes are kept (none if the announced length is already too long).
int nb_fetch(const char *url, int ip_version, long timeout_ms, size_t max_bytes, const char *resolve, nb_response *out);
void nb_response_free(nb_response *response);
void nb_global_init(void);
#endif
