/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netns.c - network namespaces the way iproute2 keeps them: a bind mount
 * of an nsfs inode at /run/netns/NAME, on a shared mount so that other
 * mount namespaces see it.  `ip netns list` sees what nsviz makes and
 * nsviz sees what ip makes. */
#include "kernel/kernel.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/nsfs.h>

#include "fg.h"
#include "util/hmap.h"
#include "util/sbuf.h"

static int home_fd = -1;
/* Entered another namespace and not yet back (kns_enter_fd).  Entering
 * the namespace one is already in is skipped: setns needs CAP_SYS_ADMIN
 * even for that, which a user without privileges lacks, and reading the
 * own namespace (ping, sysctl, a capture) must work for them. */
static bool away;
/* The open file limit nsviz started with, for the programs it runs. */
static struct rlimit nofile_start;
static bool nofile_raised;

static void kerr_errno(struct kerr *e, int err)
{
	if (!e)
		return;
	e->err = err;
	e->msg[0] = '\0';
}

int kernel_init(void)
{
	if (home_fd >= 0)
		return 0;
	home_fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (home_fd < 0)
		home_fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	return home_fd < 0 ? -1 : 0;
}

void kernel_new_home(void)
{
	if (home_fd >= 0)
		close(home_fd);
	home_fd = -1;
	away = false;
	kernel_init();
}

int kernel_home_fd(void)
{
	return home_fd;
}

static bool same_ns(int a, int b)
{
	struct stat sa, sb;

	return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int kns_enter_fd(int fd)
{
	if (!away && same_ns(fd, home_fd))
		return 0;
	if (setns(fd, CLONE_NEWNET) < 0)
		return -1;
	away = true;
	return 0;
}

bool kns_is_current(int fd)
{
	int cur;
	bool same;

	if (!away)
		return same_ns(fd, home_fd);
	cur = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	same = cur >= 0 && same_ns(fd, cur);
	if (cur >= 0)
		close(cur);
	return same;
}

void kernel_raise_nofile(void)
{
	struct rlimit r;

	if (getrlimit(RLIMIT_NOFILE, &r) < 0)
		return;
	nofile_start = r;
	if (r.rlim_cur >= r.rlim_max)
		return;
	r.rlim_cur = r.rlim_max;
	if (r.rlim_cur == RLIM_INFINITY) {
		/* the kernel bounds an unlimited hard limit by fs.nr_open */
		FILE *f = fopen("/proc/sys/fs/nr_open", "re");
		unsigned long v = 0;

		if (f) {
			if (fscanf(f, "%lu", &v) != 1)
				v = 0;
			fclose(f);
		}
		r.rlim_cur = v > nofile_start.rlim_cur ? v : 1u << 20;
	}
	if (setrlimit(RLIMIT_NOFILE, &r) == 0)
		nofile_raised = true;
}

void kernel_restore_nofile(void)
{
	if (nofile_raised)
		setrlimit(RLIMIT_NOFILE, &nofile_start);
}

unsigned long kernel_nofile_limit(void)
{
	struct rlimit r;

	if (getrlimit(RLIMIT_NOFILE, &r) < 0 || r.rlim_cur == RLIM_INFINITY)
		return 0;
	return (unsigned long)r.rlim_cur;
}

int kns_leave(void)
{
	if (!away)
		return 0;
	away = false;
	if (setns(home_fd, CLONE_NEWNET) < 0) {
		/* Staying in the wrong namespace would send every later
		 * request to the wrong place: there is no safe way on. */
		perror("nsviz: cannot return to the starting network namespace");
		abort();
	}
	return 0;
}

static int is_netns_fd(int fd)
{
	int t = ioctl(fd, NS_GET_NSTYPE);
	return t == CLONE_NEWNET;
}

int kns_open_named(const char *name, struct kerr *e)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	if (!is_netns_fd(fd)) {
		/* The file exists but the bind mount is not there (yet). */
		close(fd);
		kerr_errno(e, EINVAL);
		if (e)
			snprintf(e->msg, sizeof e->msg,
			         "%.200s is not a network namespace", path);
		return -1;
	}
	return fd;
}

/* /run/netns must be a shared mount point so that namespaces created by
 * anyone, in any mount namespace, are visible to everyone (iproute2 does
 * the same dance). */
static int prepare_run_dir(struct kerr *e)
{
	bool bound = false;

	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST) {
		kerr_errno(e, errno);
		return -1;
	}
	while (mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
		if (errno != EINVAL || bound) {
			kerr_errno(e, errno);
			return -1;
		}
		if (mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none",
		          MS_BIND | MS_REC, NULL) < 0) {
			kerr_errno(e, errno);
			return -1;
		}
		bound = true;
	}
	return 0;
}

int knetns_add(const char *name, struct kerr *e)
{
	char path[PATH_MAX];
	int fd, err;

	if (prepare_run_dir(e) < 0)
		return -1;
	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	close(fd);
	if (unshare(CLONE_NEWNET) < 0) {
		err = errno;
		unlink(path);
		kerr_errno(e, err);
		return -1;
	}
	away = true;
	if (mount("/proc/thread-self/ns/net", path, "none", MS_BIND, NULL) < 0) {
		err = errno;
		kns_leave();
		unlink(path);
		kerr_errno(e, err);
		return -1;
	}
	kns_leave();
	return 0;
}

int knetns_attach(const char *name, pid_t pid, struct kerr *e)
{
	char path[PATH_MAX], proc[64];
	int fd, err;

	snprintf(proc, sizeof proc, "/proc/%d/ns/net", (int)pid);
	if (access(proc, F_OK) < 0) {
		kerr_errno(e, errno == ENOENT ? ESRCH : errno);
		return -1;
	}
	if (prepare_run_dir(e) < 0)
		return -1;
	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	close(fd);
	if (mount(proc, path, "none", MS_BIND, NULL) < 0) {
		/* the process may have ended since */
		err = errno == ENOENT ? ESRCH : errno;
		unlink(path);
		kerr_errno(e, err);
		return -1;
	}
	return 0;
}

int knetns_del(const char *name, struct kerr *e)
{
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof path, NETNS_RUN_DIR "/%s", name);
	if (lstat(path, &st) < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	umount2(path, MNT_DETACH);
	if (unlink(path) < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	return 0;
}

int kns_ident_fd(int fd, dev_t *dev, ino_t *ino)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	*dev = st.st_dev;
	*ino = st.st_ino;
	return 0;
}

int kns_ident_pid(pid_t pid, dev_t *dev, ino_t *ino)
{
	char path[64];
	struct stat st;

	if (pid)
		snprintf(path, sizeof path, "/proc/%d/ns/net", (int)pid);
	else
		snprintf(path, sizeof path, "/proc/self/ns/net");
	if (stat(path, &st) < 0)
		return -1;
	*dev = st.st_dev;
	*ino = st.st_ino;
	return 0;
}

static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;
	return (x > y) - (x < y);
}

/* Every process with the identity of its network namespace. */
static int each_proc_netns(void (*fn)(void *ctx, pid_t pid, dev_t dev,
                                      ino_t ino), void *ctx)
{
	DIR *d = opendir("/proc");
	struct dirent *de;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char path[300];
		struct stat st;
		char *end;
		long pid = strtol(de->d_name, &end, 10);

		if (*end || pid <= 0)
			continue;
		snprintf(path, sizeof path, "/proc/%ld/ns/net", pid);
		if (stat(path, &st) == 0)
			fn(ctx, (pid_t)pid, st.st_dev, st.st_ino);
	}
	closedir(d);
	return 0;
}

struct pids_ctx {
	dev_t dev;
	ino_t ino;
	pid_t *pids;
	size_t n, cap;
};

static void add_pid(void *ctx, pid_t pid, dev_t dev, ino_t ino)
{
	struct pids_ctx *c = ctx;

	if (dev != c->dev || ino != c->ino)
		return;
	xgrow((void **)&c->pids, &c->cap, c->n + 1, sizeof *c->pids);
	c->pids[c->n++] = pid;
}

int kns_pids(dev_t dev, ino_t ino, pid_t **pids, size_t *n)
{
	struct pids_ctx c = { dev, ino, NULL, 0, 0 };
	int rc = each_proc_netns(add_pid, &c);

	if (c.n)
		qsort(c.pids, c.n, sizeof *c.pids, cmp_pid);
	*pids = c.pids;
	*n = c.n;
	return rc;
}

struct count_ctx {
	const dev_t *dev;
	const ino_t *ino;
	size_t n;
	int *counts;
	int others;
	struct hmap ix;        /* inode -> index + 1 */
};

static void count_pid(void *ctx, pid_t pid, dev_t dev, ino_t ino)
{
	struct count_ctx *c = ctx;
	size_t it = 0;
	void *v;

	(void)pid;
	while ((v = hmap_next(&c->ix, hmap_hash_u64((uint64_t)ino), &it))) {
		size_t i = (size_t)HMAP_TO_INT(v) - 1;

		if (c->dev[i] == dev && c->ino[i] == ino) {
			c->counts[i]++;
			return;
		}
	}
	c->others++;
}

int kns_count_pids(const dev_t *dev, const ino_t *ino, size_t n, int *counts)
{
	struct count_ctx c = { dev, ino, n, counts, 0, HMAP_INIT };
	int rc;

	memset(counts, 0, n * sizeof *counts);
	for (size_t i = 0; i < n; i++)
		hmap_put(&c.ix, hmap_hash_u64((uint64_t)ino[i]), HMAP_INT(i + 1));
	rc = each_proc_netns(count_pid, &c);
	hmap_free(&c.ix);
	return rc < 0 ? -1 : c.others;
}

int kns_list_named(char ***names, size_t *n)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		xgrow((void **)names, &cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	return 0;
}

void kns_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Like `ip netns exec`: a private mount namespace with /sys remounted so
 * that /sys/class/net shows the namespace's own devices. */
static void child_enter(int nsfd)
{
	/* the program gets the limit nsviz was given, not the raised one */
	kernel_restore_nofile();
	if (!kns_is_current(nsfd) && setns(nsfd, CLONE_NEWNET) < 0) {
		fprintf(stderr, "setting the network namespace failed: %s\n",
		        strerror(errno));
		_exit(126);
	}
	if (unshare(CLONE_NEWNS) == 0) {
		mount("", "/", "none", MS_SLAVE | MS_REC, NULL);
		if (umount2("/sys", MNT_DETACH) == 0)
			mount("sysfs", "/sys", "sysfs", 0, NULL);
	}
}

/* The child tells the parent why its exec failed through a pipe that
 * closes on exec: nothing to read means the program runs. */
int kns_exec(int nsfd, char *const argv[], struct sbuf *out, struct kerr *e)
{
	int pfd[2] = { -1, -1 }, xfd[2], status, xerr = 0;
	struct fg f = { false };
	pid_t pid;
	ssize_t r;

	if (pipe2(xfd, O_CLOEXEC) < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	if (out && pipe2(pfd, O_CLOEXEC) < 0) {
		kerr_errno(e, errno);
		close(xfd[0]);
		close(xfd[1]);
		return -1;
	}
	/* a program with our terminal gets its foreground */
	if (!out)
		fg_prepare(&f);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		kerr_errno(e, errno);
		if (out) {
			close(pfd[0]);
			close(pfd[1]);
		}
		close(xfd[0]);
		close(xfd[1]);
		return -1;
	}
	if (pid == 0) {
		int err;

		close(xfd[0]);
		signal(SIGPIPE, SIG_DFL);
		fg_child(&f);
		if (out) {
			dup2(pfd[1], 1);
			dup2(pfd[1], 2);
		}
		child_enter(nsfd);
		execvp(argv[0], argv);
		err = errno;
		if (write(xfd[1], &err, sizeof err) < 0) {
			/* the parent sees a short read: exit status 1 */
		}
		_exit(1);
	}
	close(xfd[1]);
	while ((r = read(xfd[0], &xerr, sizeof xerr)) < 0 && errno == EINTR)
		;
	close(xfd[0]);
	if (r != (ssize_t)sizeof xerr)
		xerr = 0;
	if (out) {
		char buf[4096];

		close(pfd[1]);
		while ((r = read(pfd[0], buf, sizeof buf)) != 0) {
			if (r < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			sbuf_addn(out, buf, (size_t)r);
		}
		close(pfd[0]);
	}
	if (fg_wait(&f, pid, &status) < 0) {
		kerr_errno(e, errno);
		return -1;
	}
	if (xerr) {
		/* iproute2's words */
		e->err = xerr;
		snprintf(e->msg, sizeof e->msg, "exec of \"%.200s\" failed: %s",
		         argv[0], strerror(xerr));
		return -1;
	}
	return status;
}
