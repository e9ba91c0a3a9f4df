#include "experiments/cluster.hpp"

#include <cstdlib>

#include "engine/errors.hpp"

namespace govsim::batch {

#ifdef GOVSIM_WITH_MPI
std::unique_ptr<Cluster> make_mpi_cluster();  // cluster_mpi.cpp; null when not under mpirun
#endif

void Cluster::send_to_root(int, const std::string&) {
  throw std::logic_error("send_to_root on a single-process cluster");
}

int Cluster::receive_at_root(std::string&) {
  throw std::logic_error("receive_at_root on a single-process cluster");
}

void Cluster::abort(int exit_code) { std::_Exit(exit_code); }

std::unique_ptr<Cluster> make_cluster() {
#ifdef GOVSIM_WITH_MPI
  if (auto mpi = make_mpi_cluster()) return mpi;
#else
  // Without MPI each of N processes would run the whole plan into the same database.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"}) {
    const char* size = std::getenv(name);
    if (size && std::atoi(size) > 1) {
      throw InputError("this govsim was built without MPI, so mpirun would start " +
                       std::string(size) +
                       " copies of the whole experiment; build with `make build MPI=ON` "
                       "(cmake -DGOVSIM_MPI=ON), or use --shard K/N for independent jobs");
    }
  }
#endif
  return std::make_unique<Cluster>();
}

void share_outcome(Cluster& cluster, int code_at_root) {
  std::string bytes = cluster.root() ? std::to_string(code_at_root) : std::string();
  cluster.broadcast(bytes);
  const int code = std::atoi(bytes.c_str());
  if (!cluster.root() && code != 0) throw RemoteFailure(code);
}

int exit_code_of(const std::exception& e) {
  if (const auto* remote = dynamic_cast<const RemoteFailure*>(&e)) return remote->exit_code;
  return dynamic_cast<const InputError*>(&e) ? 2 : 1;
}

}  // namespace govsim::batch
