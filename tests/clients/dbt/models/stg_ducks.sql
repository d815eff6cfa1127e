{{ config(materialized='view') }}
-- the seed as a view, with a cleaned name
select id, lower(name) as name, species, weight_kg, seen_on, batch
from {{ ref('ducks') }}
