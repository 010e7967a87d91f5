#include "ccurl.h"
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t length;
    size_t capacity;
    size_t limit;
    int over;  /* the body went past limit */
} buffer;

/* Keeps at most `limit` bytes; past it the transfer is stopped (returning less than was given
   makes curl abort with CURLE_WRITE_ERROR), so an endless body costs `limit` bytes, not the
   whole download. Grows geometrically, so a large body is not copied again and again. */
static size_t collect(char *chunk, size_t size, size_t count, void *context) {
    buffer *target = context;
    size_t bytes = size * count;
    size_t keep = bytes;
    if (keep > target->limit - target->length) {
        keep = target->limit - target->length;
        target->over = 1;
    }
    if (keep > 0) {
        if (target->length + keep + 1 > target->capacity) {
            size_t wanted = target->capacity ? target->capacity : 16384;
            while (wanted < target->length + keep + 1) wanted *= 2;
            if (wanted > target->limit + 1) wanted = target->limit + 1;
            char *grown = realloc(target->data, wanted);
            if (!grown) return 0;
            target->data = grown;
            target->capacity = wanted;
        }
        memcpy(target->data + target->length, chunk, keep);
        target->length += keep;
        target->data[target->length] = 0;
    }
    return target->over ? 0 : bytes;
}

void nb_global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

int nb_fetch(const char *url, int ip_version, long timeout_ms, size_t max_bytes, const char *resolve, nb_response *out) {
    memset(out, 0, sizeof *out);
    CURL *curl = curl_easy_init();
    if (!curl) { out->code = -1; strcpy(out->error, "curl_easy_init failed"); return -1; }
    buffer body = {NULL, 0, 0, max_bytes, 0};
    struct curl_slist *hosts = NULL;
    char *list = resolve ? strdup(resolve) : NULL;
    for (char *line = list ? strtok(list, "\n") : NULL; line; line = strtok(NULL, "\n")) hosts = curl_slist_append(hosts, line);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_IPRESOLVE, ip_version == NB_RESOLVE_V6 ? CURL_IPRESOLVE_V6 : ip_version == NB_RESOLVE_V4 ? CURL_IPRESOLVE_V4 : CURL_IPRESOLVE_WHATEVER);
    /* 0 would mean no limit at all: never pass it. */
    if (timeout_ms < 1) timeout_ms = 1;
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    /* Redirects are the caller's to judge: the audit stays on its host. */
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "nianbao-audit-ipv6");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    /* Refused before any body is read when the announced length is too long; an unannounced
       or compressed length is caught by `collect`. */
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max_bytes);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, out->error);
    if (hosts) curl_easy_setopt(curl, CURLOPT_RESOLVE, hosts);
    CURLcode code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
    if ((code == CURLE_WRITE_ERROR && body.over) || code == CURLE_FILESIZE_EXCEEDED) {
        /* The answer came; only its body was too long to read whole. */
        out->truncated = 1;
        out->error[0] = 0;
        code = CURLE_OK;
    }
    out->code = (int)code;
    char *ip = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) strncpy(out->primary_ip, ip, sizeof out->primary_ip - 1);
    char *location = NULL;
    if (code == CURLE_OK && curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) out->redirect_url = strdup(location);
    if (code != CURLE_OK && out->error[0] == 0) strncpy(out->error, curl_easy_strerror(code), sizeof out->error - 1);
    out->body = body.data;
    out->length = body.length;
    curl_slist_free_all(hosts);
    free(list);
    curl_easy_cleanup(curl);
    return (int)code;
}

void nb_response_free(nb_response *response) {
    free(response->body);
    free(response->redirect_url);
    response->body = NULL;
    response->redirect_url = NULL;
}
