// The city map: grids coloured by a metric, street and community boundaries, the offices, and the
// flow of cases (new cases, cases sent up towards an office, cases sent back down, resolutions).
// Shapes are drawn with SFML in batched vertex arrays that are rebuilt only when the colours or
// the zoom change; text (labels, legend) goes through ImGui's background draw list.
#pragma once

#include <imgui.h>

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <memory>
#include <vector>

#include "viz/colour_scale.hpp"
#include "viz/map_layout.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

// Where the map looks: shared by the two maps of compare mode.
struct Camera {
  Vec2 centre;
  float scale = 100;  // pixels per km
  bool fitted = false;
};

struct Region {  // a rectangle of the window, pixels
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

Vec2 to_world(const Region& r, const Camera& cam, float px, float py);
ImVec2 to_screen(const Region& r, const Camera& cam, Vec2 p);
// Room to keep free when fitting the city into a region: a title strip at the top, the legend's
// box (kept free to its right or above it), and a panel at the right.
struct FitReserve {
  float top = 0;
  float legend_w = 0, legend_h = 0;
  float right = 0;
};
void fit_camera(Camera& cam, const MapLayout& layout, const Region& r, const FitReserve& keep = {});
// Zooms by `factor` keeping the world point under (px, py) in place.
void zoom_camera(Camera& cam, const Region& r, float factor, float px, float py);

struct MapOverlay {
  bool flows = true;
  bool labels = true;
  float flow_norm = 1;  // the flow rate drawn at full width (shared by compared maps)
};

class MapView {
 public:
  void set_layout(std::shared_ptr<const MapLayout> layout);
  const MapLayout* layout() const { return layout_.get(); }

  // Colours each grid by its value; call when the values or the scale change.
  void set_colours(const std::vector<float>& values, const ColourScale& scale);

  // Draws into `region` of the target. `time` (seconds) animates the flows.
  void draw(sf::RenderTarget& target, const Region& region, const Camera& cam,
            const FlowRates* flows, const MapOverlay& overlay, float time, int hovered,
            int selected);
  // Street, community and (when zoomed in) grid names.
  void draw_labels(ImDrawList* dl, const City& city, const Region& region, const Camera& cam,
                   ImFont* street_font, ImFont* label_font) const;

 private:
  void rebuild_boundaries(float scale);
  void add_flows(sf::VertexArray& va, const FlowRates& flows, const MapOverlay& overlay,
                 float px_to_km, float time) const;

  std::shared_ptr<const MapLayout> layout_;
  sf::VertexArray fill_{sf::Triangles};
  sf::VertexArray streets_{sf::Triangles};       // street areas beneath the grids
  sf::VertexArray street_edges_{sf::Triangles};  // their outline; rebuilt when the zoom changes
  sf::VertexArray boundaries_{sf::Triangles};    // rebuilt when the zoom changes
  sf::VertexArray overlay_{sf::Triangles};       // flows and highlights, every frame
  float boundary_scale_ = -1;
};

// The colour legend of `metric` in the region's lower left corner, and the key to the flows.
void draw_map_legend(ImDrawList* dl, const Region& region, MapMetric metric,
                     const ColourScale& scale, bool flows, ImFont* font);
// The size of that legend, for keeping room for it.
ImVec2 map_legend_size(bool flows, ImFont* font);

}  // namespace govsim::viz
