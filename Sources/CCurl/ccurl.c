#include "ccurl.h"
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *data;
    size_t length;
    size_t limit;
} buffer;

static size_t collect(char *chunk, size_t size, size_t count, void *context) {
    buffer *target = context;
    size_t bytes = size * count;
    size_t keep = bytes;
    if (target->length + keep > target->limit) keep = target->limit > target->length ? target->limit - target->length : 0;
    if (keep > 0) {
        char *grown = realloc(target->data, target->length + keep + 1);
        if (!grown) return 0;
        target->data = grown;
        memcpy(target->data + target->length, chunk, keep);
        target->length += keep;
        target->data[target->length] = 0;
    }
    return bytes;  /* the rest is read and dropped, so large files do not fail */
}

void nb_global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

int nb_fetch(const char *url, int ip_version, long timeout_ms, size_t max_bytes, const char *resolve, nb_response *out) {
    memset(out, 0, sizeof *out);
    CURL *curl = curl_easy_init();
    if (!curl) { out->code = -1; strcpy(out->error, "curl_easy_init failed"); return -1; }
    buffer body = {NULL, 0, max_bytes};
    struct curl_slist *hosts = NULL;
    char *list = resolve ? strdup(resolve) : NULL;
    for (char *line = list ? strtok(list, "\n") : NULL; line; line = strtok(NULL, "\n")) hosts = curl_slist_append(hosts, line);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_IPRESOLVE, ip_version == NB_RESOLVE_V6 ? CURL_IPRESOLVE_V6 : ip_version == NB_RESOLVE_V4 ? CURL_IPRESOLVE_V4 : CURL_IPRESOLVE_WHATEVER);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "nianbao-audit-ipv6");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, out->error);
    if (hosts) curl_easy_setopt(curl, CURLOPT_RESOLVE, hosts);
    CURLcode code = curl_easy_perform(curl);
    out->code = (int)code;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
    char *ip = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) strncpy(out->primary_ip, ip, sizeof out->primary_ip - 1);
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
    response->body = NULL;
}
