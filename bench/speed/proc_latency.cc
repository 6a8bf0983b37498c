// proc_latency: what a user waits for, as whole processes.  Runs a command
// W times to warm up, then N times, each with stdout and stderr sent to
// /dev/null, and prints the wall-clock percentiles, then those of the CPU
// time (user + system) the process used:
//   "proc LABEL p50 p95 p99 mean n cpu-p50 cpu-p95 cpu-p99" (microseconds)
// Fails when the command exits with a status above `--max-status` (default
// 1: searchers exit 1 when nothing matched) or is killed.
//
//   proc_latency [--runs N] [--warmup W] [--label L] [--max-status S] -- CMD ARGS...
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "bench_common.h"

int main(int argc, char** argv) {
  int runs = 30, warmup = 3, max_status = 1;
  std::string label = "proc";
  int i = 1;
  for (; i < argc; ++i) {
    const std::string opt = argv[i];
    if (opt == "--") {
      ++i;
      break;
    }
    if (i + 1 >= argc) break;
    if (opt == "--runs") {
      runs = std::stoi(argv[++i]);
    } else if (opt == "--warmup") {
      warmup = std::stoi(argv[++i]);
    } else if (opt == "--label") {
      label = argv[++i];
    } else if (opt == "--max-status") {
      max_status = std::stoi(argv[++i]);
    } else {
      std::cerr << "proc_latency: unknown option " << opt << "\n";
      return 2;
    }
  }
  if (i >= argc) {
    std::cerr << "usage: proc_latency [--runs N] [--warmup W] [--label L] -- CMD ARGS...\n";
    return 2;
  }
  char** command = argv + i;
  std::vector<double> samples, cpu_samples;
  for (int r = 0; r < warmup + runs; ++r) {
    const auto start = bench::Clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
      std::perror("proc_latency: fork");
      return 2;
    }
    if (pid == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      execvp(command[0], command);
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const double us = bench::micros_since(start);
    const double cpu_us = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 +
                          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > max_status) {
      std::cerr << "proc_latency: " << command[0] << " failed (status " << status << ")\n";
      return 1;
    }
    if (r >= warmup) {
      samples.push_back(us);
      cpu_samples.push_back(cpu_us);
    }
  }
  const bench::Percentiles p = bench::percentiles(samples);
  const bench::Percentiles c = bench::percentiles(cpu_samples);
  std::printf("proc\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%zu\t%.1f\t%.1f\t%.1f\n", label.c_str(), p.p50,
              p.p95, p.p99, p.mean, p.n, c.p50, c.p95, c.p99);
  return 0;
}
