// OpenSSL's libcrypto, which libcurl already loads: SHA-256 and HMAC (issue 22).
#include <openssl/evp.h>
#include <openssl/hmac.h>
// PEM keys and certificates, for the Graph client assertion (issue 21).
#include <openssl/pem.h>
#include <openssl/x509.h>
