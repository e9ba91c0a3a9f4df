// The MPI cluster (built with -DGOVSIM_MPI=ON). Messages are byte strings; only rank 0 receives
// point-to-point messages, and it does so on one thread, so MPI_THREAD_SERIALIZED suffices: the
// senders on other ranks take a lock around each send.
#include <mpi.h>

#include <chrono>
#include <climits>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "experiments/cluster.hpp"

namespace govsim::batch {
namespace {

void check(int rc, const char* what) {
  if (rc != MPI_SUCCESS) throw std::runtime_error(std::string("MPI: ") + what + " failed");
}

int to_int_size(std::size_t n) {
  if (n > static_cast<std::size_t>(INT_MAX)) throw std::runtime_error("MPI message too large");
  return static_cast<int>(n);
}

// Only a process that mpirun (or srun with PMIx) started joins MPI: a plain `govsim sweep`
// from an MPI build stays a single process and does not need an MPI runtime at all.
bool started_by_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"}) {
    if (std::getenv(name)) return true;
  }
  return false;
}

class MpiCluster final : public Cluster {
 public:
  MpiCluster() {
    int provided = 0;
    check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided), "MPI_Init_thread");
    if (provided < MPI_THREAD_SERIALIZED) {
      MPI_Finalize();
      throw std::runtime_error("MPI: the library does not support MPI_THREAD_SERIALIZED");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node);
    MPI_Comm_size(node, &on_node_);
    MPI_Comm_free(&node);
  }
  ~MpiCluster() override { MPI_Finalize(); }

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  int ranks_on_node() const override { return on_node_; }

  void broadcast(std::string& bytes) override {
    unsigned long long n = bytes.size();
    check(MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD), "MPI_Bcast");
    bytes.resize(static_cast<std::size_t>(n));
    check(MPI_Bcast(bytes.data(), to_int_size(bytes.size()), MPI_CHAR, 0, MPI_COMM_WORLD),
          "MPI_Bcast");
  }

  void send_to_root(int tag, const std::string& bytes) override {
    const std::lock_guard<std::mutex> lock(send_mutex_);
    check(MPI_Send(bytes.data(), to_int_size(bytes.size()), MPI_CHAR, 0, tag, MPI_COMM_WORLD),
          "MPI_Send");
  }

  int receive_at_root(std::string& bytes) override {
    // OpenMPI's blocking probe spins, which would take a core from rank 0's own runs; a run
    // takes a fraction of a second at least, so polling every 2 ms costs nothing.
    MPI_Status status;
    int ready = 0;
    while (true) {
      check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &ready, &status), "MPI_Iprobe");
      if (ready) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    int count = 0;
    MPI_Get_count(&status, MPI_CHAR, &count);
    bytes.resize(static_cast<std::size_t>(count));
    check(MPI_Recv(bytes.data(), count, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                   MPI_STATUS_IGNORE),
          "MPI_Recv");
    return status.MPI_TAG;
  }

  [[noreturn]] void abort(int exit_code) override {
    std::cerr << std::flush;
    MPI_Abort(MPI_COMM_WORLD, exit_code);
    std::_Exit(exit_code);
  }

 private:
  int rank_ = 0;
  int size_ = 1;
  int on_node_ = 1;
  std::mutex send_mutex_;
};

}  // namespace

std::unique_ptr<Cluster> make_mpi_cluster() {
  if (!started_by_launcher()) return nullptr;
  return std::make_unique<MpiCluster>();
}

}  // namespace govsim::batch
