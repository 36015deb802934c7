// The system OpenSSL libcrypto (Debian's libssl-dev): SHA-256 and HMAC-SHA256 only.
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
