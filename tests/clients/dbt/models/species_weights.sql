{{ config(materialized='table') }}
select species, count(*) as ducks, sum(weight_kg) as total_kg
from {{ ref('stg_ducks') }}
group by species
