#include "viz/snapshot.hpp"

namespace govsim::viz {

void SeriesLog::push(const DayMetrics& row) {
  if (size_ % SeriesView::kChunk == 0) chunks_.push_back(std::make_shared<SeriesView::Chunk>());
  chunks_.back()->rows[size_ % SeriesView::kChunk] = row;
  ++size_;
}

SeriesView SeriesLog::view() const {
  SeriesView v;
  v.chunks_.assign(chunks_.begin(), chunks_.end());
  v.size_ = size_;
  return v;
}

}  // namespace govsim::viz
