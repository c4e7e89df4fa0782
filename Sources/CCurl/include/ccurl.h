#ifndef CCURL_H
#define CCURL_H
// Typed wrappers for libcurl's variadic calls and macros, which Swift cannot import.
#include <curl/curl.h>
#include <sys/types.h>

typedef size_t (*ccurl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_setopt_read_callback(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_setopt_write_callback(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_setopt_header_callback(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_setopt_debug_callback(CURL *handle, curl_debug_callback callback);

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value);
CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

static inline long ccurl_auth_any(void) { return (long)CURLAUTH_ANY; }
static inline long ccurl_use_ssl_none(void) { return (long)CURLUSESSL_NONE; }
static inline long ccurl_use_ssl_all(void) { return (long)CURLUSESSL_ALL; }
static inline long ccurl_global_default(void) { return (long)CURL_GLOBAL_DEFAULT; }
static inline long ccurl_error_size(void) { return (long)CURL_ERROR_SIZE; }
static inline size_t ccurl_readfunc_abort(void) { return (size_t)CURL_READFUNC_ABORT; }
/// libcurl 7.88 spells it with three L's; this keeps the spelling in one place.
static inline CURLoption ccurl_opt_mail_rcpt_allowfails(void) { return CURLOPT_MAIL_RCPT_ALLLOWFAILS; }

#endif
