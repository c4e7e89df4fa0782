// OpenSSL's libcrypto, which libcurl already loads: SHA-256 and HMAC (issue 22).
#include <openssl/evp.h>
#include <openssl/hmac.h>
