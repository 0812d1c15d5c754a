# Fixture: models known only by their id (no local folder): judged from the catalog.
from transformers import AutoModelForCausalLM

research = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-3B-Instruct")
chat = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
