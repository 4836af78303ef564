// Swift cannot call C variadic functions (el_set, el_get, history, ioctl) nor pass the C library's
// stdin/stdout/stderr globals under Swift 6, so every such call goes through a static inline wrapper
// here. Nothing in this header holds state: the shell's state lives in Swift.
#ifndef SEG_CEDITLINE_SHIM_H
#define SEG_CEDITLINE_SHIM_H

#include <errno.h>
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*seg_prompt_fn)(EditLine *);
typedef unsigned char (*seg_command_fn)(EditLine *, int);

/// An editor on the process's standard streams.
static inline EditLine *seg_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

/// A prompt; `ignore` brackets terminal escapes that take no room on screen (0 for none).
static inline int seg_el_set_prompt(EditLine *e, seg_prompt_fn prompt, char ignore) {
  if (ignore) return el_set(e, EL_PROMPT_ESC, prompt, ignore);
  return el_set(e, EL_PROMPT, prompt);
}

static inline int seg_el_set_editor(EditLine *e, const char *mode) {
  return el_set(e, EL_EDITOR, mode);
}

static inline int seg_el_bind(EditLine *e, const char *key, const char *command) {
  return el_set(e, EL_BIND, key, command, (const char *)NULL);
}

static inline int seg_el_addfn(EditLine *e, const char *name, const char *help, seg_command_fn fn) {
  return el_set(e, EL_ADDFN, name, help, fn);
}

static inline int seg_el_set_history(EditLine *e, History *h) {
  return el_set(e, EL_HIST, history, h);
}

static inline int seg_el_set_clientdata(EditLine *e, void *data) {
  return el_set(e, EL_CLIENTDATA, data);
}

static inline void *seg_el_get_clientdata(EditLine *e) {
  void *data = NULL;
  if (el_get(e, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

/// Off, so that libedit leaves SIGINT to the shell's own handler.
static inline int seg_el_set_signal(EditLine *e, int on) {
  return el_set(e, EL_SIGNAL, on);
}

/// Byte offsets of the cursor and the end of the line, so Swift needs no pointer arithmetic on LineInfo.
static inline void seg_el_line(EditLine *e, const char **buffer, int *cursor, int *length) {
  const LineInfo *info = el_line(e);
  *buffer = info->buffer;
  *cursor = (int)(info->cursor - info->buffer);
  *length = (int)(info->lastchar - info->buffer);
}

static inline History *seg_history_init(void) { return history_init(); }

static inline int seg_history_set_size(History *h, int size) {
  HistEvent event;
  return history(h, &event, H_SETSIZE, size);
}

static inline int seg_history_set_unique(History *h, int on) {
  HistEvent event;
  return history(h, &event, H_SETUNIQUE, on);
}

static inline int seg_history_enter(History *h, const char *line) {
  HistEvent event;
  return history(h, &event, H_ENTER, line);
}

static inline int seg_history_load(History *h, const char *path) {
  HistEvent event;
  return history(h, &event, H_LOAD, path);
}

static inline int seg_history_save(History *h, const char *path) {
  HistEvent event;
  return history(h, &event, H_SAVE, path);
}

/// The number of entries.
static inline int seg_history_count(History *h) {
  HistEvent event;
  if (history(h, &event, H_GETSIZE) < 0) return 0;
  return event.num;
}

/// Moves through the list (H_LAST = oldest, then H_PREV toward the newest); the entry's text, or NULL
/// past the end.
static inline const char *seg_history_step(History *h, int op) {
  HistEvent event;
  if (history(h, &event, op) < 0) return NULL;
  return event.str;
}

/// Writes to standard output or error (`stream` 1 or 2) through the same stdio buffers libedit uses,
/// then flushes, so results, errors and prompts appear in the order they were made.
static inline void seg_write(int stream, const char *text, size_t length) {
  FILE *file = stream == 2 ? stderr : stdout;
  if (stream == 2) fflush(stdout);
  fwrite(text, 1, length, file);
  fflush(file);
}

/// The terminal's width in columns, or 0 when `fd` is not a terminal.
static inline int seg_terminal_width(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

/// Installs `handler` for SIGINT; `restart` resumes interrupted system calls, so only a read at the
/// prompt (installed without it) sees EINTR, never a file read in a running command.
static inline int seg_install_sigint(void (*handler)(int), int restart) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = restart ? SA_RESTART : 0;
  return sigaction(SIGINT, &action, NULL);
}

/// Unblocks SIGINT, which a parent may have left blocked (a spawning library, a test harness).
static inline int seg_unblock_sigint(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static inline int seg_errno(void) { return errno; }

#endif
