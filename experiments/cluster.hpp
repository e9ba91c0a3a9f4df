// Where the runs of an experiment execute: this process alone, or every rank of an MPI job
// (`mpirun -np N govsim sweep ...`). Rank 0 owns the results store and the output; the other
// ranks simulate their share and send each finished run to rank 0.
//
// The local cluster is the base class itself: a single rank, where every collective is a no-op.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

namespace govsim::batch {

class Cluster {
 public:
  virtual ~Cluster() = default;
  virtual int rank() const { return 0; }
  virtual int size() const { return 1; }
  virtual int ranks_on_node() const { return 1; }  // for a fair share of the node's cores
  bool root() const { return rank() == 0; }

  // Collective: afterwards every rank holds rank 0's bytes.
  virtual void broadcast(std::string& bytes) { (void)bytes; }
  // Any thread of a non-root rank; serialised inside.
  virtual void send_to_root(int tag, const std::string& bytes);
  // Rank 0: blocks for the next message from any rank; returns its tag.
  virtual int receive_at_root(std::string& bytes);
  [[noreturn]] virtual void abort(int exit_code);
};

// An MPI cluster when govsim was built with GOVSIM_MPI and started by mpirun; else the local
// one. MPI is finalised when the cluster is destroyed.
std::unique_ptr<Cluster> make_cluster();

// Thrown on ranks other than 0 when rank 0 failed: that rank reports the error, the others
// only leave with the same exit code.
struct RemoteFailure : std::runtime_error {
  explicit RemoteFailure(int code) : std::runtime_error("rank 0 failed"), exit_code(code) {}
  int exit_code;
};

// Runs fn on rank 0 only; if it throws there, rank 0 rethrows and every other rank throws
// RemoteFailure, so that no rank is left waiting in a collective.
template <class F>
void on_root(Cluster& cluster, F&& fn);

// Implementation detail of on_root: rank 0 tells every rank how fn ended (0 = fine); a rank
// other than 0 throws RemoteFailure when it did not.
void share_outcome(Cluster& cluster, int code_at_root);
int exit_code_of(const std::exception& e);  // 2 for InputError, else 1

template <class F>
void on_root(Cluster& cluster, F&& fn) {
  if (cluster.size() == 1) {
    fn();
    return;
  }
  if (!cluster.root()) {
    share_outcome(cluster, 0);
    return;
  }
  try {
    fn();
  } catch (const std::exception& e) {
    share_outcome(cluster, exit_code_of(e));
    throw;
  }
  share_outcome(cluster, 0);
}

}  // namespace govsim::batch
