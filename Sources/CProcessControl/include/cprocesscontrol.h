#ifndef KLACHTD_CPROCESSCONTROL_H
#define KLACHTD_CPROCESSCONTROL_H

#include <stddef.h>

/// Asks the kernel to send `signal_number` to this process when its parent dies
/// (prctl(PR_SET_PDEATHSIG)); prctl is variadic, so Swift cannot call it directly.
/// Returns 0 or -1 with errno set.
int klachtd_set_parent_death_signal(int signal_number);

/// An anonymous in-memory file (memfd_create, close-on-exec) holding `length` bytes of
/// `data`, sealed against any later write, growth or shrinking, its offset at 0.
/// Returns the descriptor, or -1 with errno set.
int klachtd_sealed_memory_file(const char *name, const void *data, size_t length);

/// Sends one datagram of `length` bytes with the descriptor `fd` attached (SCM_RIGHTS).
/// Returns the bytes sent, or -1 with errno set.
long klachtd_send_with_descriptor(int socket, const void *data, size_t length, int fd);

/// Receives one datagram without blocking into `buffer`; a descriptor that came with it is
/// stored in `*fd` (else -1). `*truncated` is set when the datagram or its descriptors did
/// not fit (MSG_TRUNC, MSG_CTRUNC): then the caller must not trust it. Returns the bytes
/// received (0 or more), or -1 with errno set (EAGAIN when nothing waits).
long klachtd_receive_with_descriptor(int socket, void *buffer, size_t capacity, int *fd, int *truncated);

#endif
