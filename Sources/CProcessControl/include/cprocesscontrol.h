#ifndef KLACHTD_CPROCESSCONTROL_H
#define KLACHTD_CPROCESSCONTROL_H

/// Asks the kernel to send `signal_number` to this process when its parent dies
/// (prctl(PR_SET_PDEATHSIG)); prctl is variadic, so Swift cannot call it directly.
/// Returns 0 or -1 with errno set.
int klachtd_set_parent_death_signal(int signal_number);

#endif
