{{ config(materialized='incremental', unique_key='id', incremental_strategy='delete+insert') }}
-- batches arrive one run at a time: --vars '{batch: N}' loads everything up to batch N
select id, name, seen_on
from {{ ref('stg_ducks') }}
where batch <= {{ var('batch', 1) }}
{% if is_incremental() %}
  and id > (select coalesce(max(id), 0) from {{ this }})
{% endif %}
